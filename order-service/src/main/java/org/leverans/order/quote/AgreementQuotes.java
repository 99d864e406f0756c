package org.leverans.order.quote;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Asks agreement-service for a quote, as the caller: the caller's own bearer token goes along, so agreement-service
 * prices under the caller's company's agreement and applies its own access rules.
 *
 * <p>
 * This is one of the few synchronous calls between services, and a deliberate one. The price list, terms and
 * assortment are agreement-service's, and copying them here as a read model would duplicate its whole pricing
 * logic. The call gives early feedback where someone is waiting for an answer: a preview shows prices before
 * ordering, and an ERP or a person placing an order with a mistyped product code learns it in the 400 rather than
 * from a REJECTED order later (placement asks agreement-service's cheaper product code check for that, not a
 * quote). It never decides an order's fate: the asynchronous validation of {@code OrderPlaced} stays
 * authoritative, so placement goes ahead when this call fails or is slow (within a short timeout).
 */
@Component
public class AgreementQuotes {

	private final RestClient http;

	AgreementQuotes(AgreementServiceProperties properties, ObservationRegistry observations) {
		this.http = properties.restClient(observations);
	}

	/**
	 * @param bearerToken the caller's access token, without the {@code Bearer } prefix
	 * @throws QuoteUnavailableException when agreement-service does not answer in time or answers with an error
	 */
	public Quote quote(QuoteRequest request, String bearerToken) {
		try {
			Quote quote = this.http.post()
				.uri("/api/catalog/quote")
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.headers(headers -> {
					if (bearerToken != null) {
						headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken);
					}
				})
				.body(request)
				.retrieve()
				.body(Quote.class);
			if (quote == null) {
				throw new QuoteUnavailableException("agreement-service answered a quote without a body", null);
			}
			return quote;
		}
		catch (QuoteUnavailableException ex) {
			throw ex;
		}
		catch (RestClientException | IllegalStateException ex) {
			// Connection refused, timeout, 4xx/5xx or an unreadable answer: all mean "no quote now".
			throw new QuoteUnavailableException("agreement-service gave no quote: " + ex.getMessage(), ex);
		}
	}
}
