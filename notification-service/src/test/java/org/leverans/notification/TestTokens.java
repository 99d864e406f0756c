package org.leverans.notification;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.leverans.testsupport.DemoIds;
import org.leverans.testsupport.security.JwtMinter;
import org.leverans.testsupport.security.TestCaller;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Real signed RS256 access tokens shaped like the auth-server's (docs/development.md), and a decoder that trusts
 * only this test key and the local issuer, so the service authenticates test requests exactly like real ones.
 */
public final class TestTokens {

	public static final String ISSUER = "http://localhost:9000";

	public static final UUID RAKENNUS = DemoIds.RAKENNUS;

	public static final UUID JATKASAARI = DemoIds.JATKASAARI;

	public static final UUID PASILA = DemoIds.PASILA;

	public static final UUID BYGG = DemoIds.BYGG;

	public static final UUID HAMMARBY = DemoIds.HAMMARBY;

	private static final JwtMinter minter = JwtMinter.withNewKey("test");

	private TestTokens() {
	}

	public static String orderer(String subject, UUID customerId) {
		return token(subject, List.of("ORDERER"), customerId, List.of(), Duration.ofMinutes(10));
	}

	public static String receiver(String subject, UUID customerId, UUID... siteIds) {
		return token(subject, List.of("RECEIVER"), customerId, List.of(siteIds), Duration.ofMinutes(10));
	}

	public static String customerService(String subject) {
		return token(subject, List.of("CUSTOMER_SERVICE"), null, List.of(), Duration.ofMinutes(10));
	}

	public static String admin(String subject) {
		return token(subject, List.of("ADMIN"), null, List.of(), Duration.ofMinutes(10));
	}

	public static String carrier(String subject) {
		return token(subject, List.of("CARRIER"), null, List.of(), Duration.ofMinutes(10));
	}

	public static String token(String subject, Collection<String> roles, UUID customerId, Collection<UUID> siteIds,
			Duration validFor) {
		return person(subject, roles, customerId, siteIds, null, null, validFor);
	}

	/** A person's token, with the e-mail address and language the auth-server adds for people. */
	public static String person(String subject, Collection<String> roles, UUID customerId, Collection<UUID> siteIds,
			String email, String locale, Duration validFor) {
		TestCaller caller = new TestCaller(subject, List.copyOf(roles), customerId, List.copyOf(siteIds), null, email,
				locale);
		return minter.mint(caller, ISSUER, validFor);
	}

	/** Replaces the JWK Set lookup at the auth-server, which is not running in these tests. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Decoder {

		@Bean
		JwtDecoder jwtDecoder() {
			return minter.decoder(ISSUER);
		}
	}
}
