package org.leverans.notification.subscription;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.TokenClaims.Roles;
import org.leverans.web.caller.Caller;
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
 * unknown here until an order, a shipment or a receiver names it; agreement-service knows it from the start. So
 * when the customer in question is not among the known owners, agreement-service is asked, as the caller (their
 * token goes along, and its own access rules apply).
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
		if (own != null && !customers.contains(own) && listed(caller, "/api/agreements/current", siteId)) {
			customers.add(own);
		}
		return customers;
	}

	/**
	 * Whether the site is the customer's: known here, or listed by agreement-service, which the caller's own
	 * customer's agreement is asked for, and an admin (who acts for any customer) the customer's sites.
	 */
	public boolean belongsTo(UUID siteId, UUID customerId, Jwt caller) {
		if (this.known.customersOf(siteId).contains(customerId)) {
			return true;
		}
		Caller who = Caller.of(caller);
		if (customerId.equals(who.customerId())) {
			return listed(caller, "/api/agreements/current", siteId);
		}
		return who.has(Roles.ADMIN) && listed(caller, "/api/admin/customers/" + customerId, siteId);
	}

	/** Whether agreement-service's answer at {@code path}, asked as the caller, has the site among its sites. */
	private boolean listed(Jwt caller, String path, UUID siteId) {
		try {
			JsonNode answer = this.agreements.get()
				.uri(path)
				.accept(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + caller.getTokenValue())
				.retrieve()
				.body(JsonNode.class);
			if (answer == null || !answer.has("sites")) {
				return false;
			}
			for (JsonNode site : answer.get("sites")) {
				if (site.has("id") && siteId.toString().equals(site.get("id").asString())) {
					return true;
				}
			}
			return false;
		}
		catch (RestClientException | IllegalStateException ex) {
			// No agreement in force or no such customer (404), agreement-service away or slow: only the sites known
			// here count.
			logger.debug("Could not ask agreement-service for sites at {}: {}", path, ex.getMessage());
			return false;
		}
	}
}
