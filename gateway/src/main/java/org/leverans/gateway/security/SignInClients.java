package org.leverans.gateway.security;

import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistration.ClientSettings;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;

/**
 * The browser sign-in client(s) from spring.security.oauth2.client.*, completed with what discovery would have
 * told: the issuer (checked on every ID token) and the end-session endpoint (for RP-initiated logout). PKCE is
 * required even though the client is confidential, as the auth-server expects.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OAuth2ClientProperties.class)
class SignInClients {

	@Bean
	InMemoryReactiveClientRegistrationRepository clientRegistrationRepository(OAuth2ClientProperties properties,
			AuthServer authServer) {
		return new InMemoryReactiveClientRegistrationRepository(new OAuth2ClientPropertiesMapper(properties)
			.asClientRegistrations()
			.values()
			.stream()
			.map((registration) -> completed(registration, authServer))
			.toList());
	}

	private static ClientRegistration completed(ClientRegistration registration, AuthServer authServer) {
		return ClientRegistration.withClientRegistration(registration)
			.issuerUri(authServer.issuer())
			.providerConfigurationMetadata(Map.of("end_session_endpoint", authServer.endSessionEndpoint()))
			.clientSettings(ClientSettings.builder().requireProofKey(true).build())
			.build();
	}

}
