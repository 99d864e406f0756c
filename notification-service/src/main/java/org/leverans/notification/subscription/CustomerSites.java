package org.leverans.notification.subscription;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.leverans.notification.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Which customer a delivery site belongs to. This service learns sites from events and tokens, so a new site is
 * unknown here until an order, a shipment or a receiver names it; the customer's agreement in agreement-service
 * lists it from the start. So when the caller's own customer is not among the known owners, agreement-service is
 * asked, as the caller (their token goes along), whether the site is in the agreement in force for them.
 */
@Component
public class CustomerSites {

	private static final Logger logger = LoggerFactory.getLogger(CustomerSites.class);

	private final SiteSubscriptions known;

	private final RestClient agreements;

	CustomerSites(SiteSubscriptions known, AgreementServiceProperties properties) {
		this.known = known;
		// HTTP/1.1, as agreement-service is spoken to elsewhere: no h2c upgrade attempt.
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.agreementTimeout())
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
		requests.setReadTimeout(properties.agreementTimeout());
		this.agreements = RestClient.builder()
			.baseUrl(properties.agreementUri().toString())
			.requestFactory(requests)
			.build();
	}

	/**
	 * The customers the site belongs to as far as the caller may learn: those known here, and the caller's own
	 * customer when their agreement lists the site. Normally one; none for a site that is nobody's the caller knows.
	 */
	public List<UUID> customersOf(UUID siteId, Jwt caller) {
		List<UUID> customers = new ArrayList<>(this.known.customersOf(siteId));
		UUID own = Caller.of(caller).customerId();
		if (own != null && !customers.contains(own) && inAgreementOf(caller, siteId)) {
			customers.add(own);
		}
		return customers;
	}

	/** Whether the site is the customer's, for a caller acting for that customer (or an admin, who names it). */
	public boolean belongsTo(UUID siteId, UUID customerId, Jwt caller) {
		return customersOf(siteId, caller).contains(customerId);
	}

	private boolean inAgreementOf(Jwt caller, UUID siteId) {
		try {
			JsonNode agreement = this.agreements.get()
				.uri("/api/agreements/current")
				.accept(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + caller.getTokenValue())
				.retrieve()
				.body(JsonNode.class);
			if (agreement == null || !agreement.has("sites")) {
				return false;
			}
			for (JsonNode site : agreement.get("sites")) {
				if (site.has("id") && siteId.toString().equals(site.get("id").asString())) {
					return true;
				}
			}
			return false;
		}
		catch (RestClientException | IllegalStateException ex) {
			// No agreement in force (404), agreement-service away or slow: only the sites known here count.
			logger.debug("Could not ask agreement-service for the caller's sites: {}", ex.getMessage());
			return false;
		}
	}
}
