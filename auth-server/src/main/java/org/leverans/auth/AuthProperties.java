package org.leverans.auth;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code leverans.auth.*}: how this authorization server presents itself.
 *
 * @param issuerUri the issuer every resource server checks; also the base of the advertised endpoints
 * @param accessTokenTimeToLive lifetime of access tokens
 * @param refreshTokenTimeToLive lifetime of refresh tokens of browser clients
 * @param webClient the gateway's browser sign-in client {@code leverans-web}
 */
@ConfigurationProperties("leverans.auth")
public record AuthProperties(@DefaultValue("http://localhost:9000") String issuerUri,
		@DefaultValue("PT1H") Duration accessTokenTimeToLive, @DefaultValue("PT8H") Duration refreshTokenTimeToLive,
		@DefaultValue WebClient webClient) {

	/**
	 * @param redirectUris where the gateway receives the authorization code
	 * @param postLogoutRedirectUris where the browser may go after signing out
	 */
	public record WebClient(@DefaultValue("http://localhost:8080/login/oauth2/code/leverans") List<String> redirectUris,
			@DefaultValue("http://localhost:8080/") List<String> postLogoutRedirectUris) {
	}
}
