package org.leverans.gateway.routing;

import java.net.URI;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where each service listens. The route table in application.yml refers to these properties; binding them here
 * makes a missing or malformed URI (e.g. a typo in LEVERANS_SERVICES_ORDER_URI) stop the gateway at startup
 * instead of failing the first request.
 */
@Validated
@ConfigurationProperties("leverans.services")
public record ServiceUris(@NotNull URI orderUri, @NotNull URI agreementUri, @NotNull URI creditUri,
		@NotNull URI deliveryUri, @NotNull URI notificationUri, @NotNull URI billingUri) {

	public ServiceUris {
		for (URI uri : new URI[] { orderUri, agreementUri, creditUri, deliveryUri, notificationUri,
				billingUri }) {
			if (uri != null && (uri.getScheme() == null || uri.getHost() == null)) {
				throw new IllegalArgumentException("A service URI needs a scheme and a host, got: " + uri);
			}
		}
	}

}
