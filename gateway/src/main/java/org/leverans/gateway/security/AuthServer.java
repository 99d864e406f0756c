package org.leverans.gateway.security;

import java.net.URI;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The Leverans auth-server, known by its issuer. Its endpoints are derived from the issuer instead of read from
 * its discovery document, so the gateway starts (and serves its pages) while the auth-server is still starting.
 */
@Validated
@ConfigurationProperties("leverans.auth")
public record AuthServer(@NotNull URI issuerUri) {

	/** Spring Authorization Server's OIDC RP-initiated logout endpoint. */
	public String endSessionEndpoint() {
		return withoutTrailingSlash(this.issuerUri.toString()) + "/connect/logout";
	}

	public String issuer() {
		return this.issuerUri.toString();
	}

	private static String withoutTrailingSlash(String uri) {
		return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
	}

}
