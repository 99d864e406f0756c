package org.leverans.gateway.routing;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where each service listens: one URI, or several comma-separated when the service runs as several instances
 * (e.g. {@code LEVERANS_SERVICES_ORDER_URI=http://localhost:8081,http://localhost:8181}); the gateway spreads requests
 * over them ({@link ServiceInstances}). Binding them here makes a missing or malformed URI stop the gateway at
 * startup instead of failing the first request.
 */
@Validated
@ConfigurationProperties("leverans.services")
public record ServiceUris(@NotEmpty List<URI> orderUri, @NotEmpty List<URI> agreementUri,
		@NotEmpty List<URI> creditUri, @NotEmpty List<URI> deliveryUri, @NotEmpty List<URI> notificationUri,
		@NotEmpty List<URI> billingUri) {

	public ServiceUris {
		for (List<URI> uris : List.of(nonNull(orderUri), nonNull(agreementUri), nonNull(creditUri),
				nonNull(deliveryUri), nonNull(notificationUri), nonNull(billingUri))) {
			for (URI uri : uris) {
				if (uri.getScheme() == null || uri.getHost() == null) {
					throw new IllegalArgumentException("A service URI needs a scheme and a host, got: " + uri);
				}
			}
		}
	}

	/** The instances of each service, by the name the routes use ({@code lb://order-service}). */
	public Map<String, List<URI>> byService() {
		Map<String, List<URI>> services = new LinkedHashMap<>();
		services.put("order-service", this.orderUri);
		services.put("agreement-service", this.agreementUri);
		services.put("credit-service", this.creditUri);
		services.put("delivery-service", this.deliveryUri);
		services.put("notification-service", this.notificationUri);
		services.put("billing-service", this.billingUri);
		return services;
	}

	private static List<URI> nonNull(List<URI> uris) {
		return (uris != null) ? uris : List.of();
	}

}
