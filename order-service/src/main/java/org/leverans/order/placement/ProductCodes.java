package org.leverans.order.placement;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micrometer.observation.ObservationRegistry;
import org.leverans.order.quote.AgreementServiceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Asks agreement-service which product codes its catalogue does not know ({@code POST /api/catalog/codes}), as
 * the caller. One lookup of the codes, where a quote would load the agreement and price every line: placement
 * only needs to know whether a code exists.
 */
@Component
class ProductCodes {

	private static final Logger logger = LoggerFactory.getLogger(ProductCodes.class);

	private final RestClient http;

	ProductCodes(AgreementServiceProperties properties, ObservationRegistry observations) {
		this.http = properties.restClient(observations);
	}

	/**
	 * @param bearerToken the caller's access token, without the {@code Bearer } prefix
	 * @return the codes the catalogue does not know, as given; empty when agreement-service cannot tell now
	 * (unreachable, too slow, or answering with an error)
	 */
	Optional<Set<String>> unknown(Collection<String> skus, String bearerToken) {
		try {
			Answer answer = this.http.post()
				.uri("/api/catalog/codes")
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.headers(headers -> {
					if (bearerToken != null) {
						headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken);
					}
				})
				.body(new Question(List.copyOf(skus)))
				.retrieve()
				.body(Answer.class);
			if (answer == null || answer.unknown() == null) {
				logger.warn("agreement-service answered a product code check without the unknown codes");
				return Optional.empty();
			}
			return Optional.of(Set.copyOf(answer.unknown()));
		}
		catch (RestClientException | IllegalStateException ex) {
			logger.warn("Placing an order without checking its product codes first; validation will: {}",
					ex.getMessage());
			return Optional.empty();
		}
	}

	record Question(List<String> skus) {
	}

	/** Read leniently: agreement-service may add fields. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Answer(List<String> unknown) {
	}
}
