package org.leverans.notification;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.leverans.contracts.TokenClaims;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Real signed RS256 access tokens shaped like the auth-server's (docs/development.md), and a decoder that trusts
 * only this test key and the local issuer, so the service authenticates test requests exactly like real ones.
 */
public final class TestTokens {

	public static final String ISSUER = "http://localhost:9000";

	public static final UUID RAKENNUS = UUID.fromString("11111111-1111-1111-1111-111111111111");

	public static final UUID JATKASAARI = UUID.fromString("11111111-0000-0000-0000-000000000001");

	public static final UUID PASILA = UUID.fromString("11111111-0000-0000-0000-000000000002");

	public static final UUID BYGG = UUID.fromString("22222222-2222-2222-2222-222222222222");

	public static final UUID HAMMARBY = UUID.fromString("22222222-0000-0000-0000-000000000001");

	private static final KeyPair KEYS = generate();

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
		Instant now = Instant.now();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject(subject)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(validFor)))
			.claim(TokenClaims.ROLES, List.copyOf(roles));
		if (customerId != null) {
			claims.claim(TokenClaims.CUSTOMER_ID, customerId.toString());
		}
		if (email != null) {
			claims.claim(TokenClaims.EMAIL, email).claim(TokenClaims.NAME, subject);
		}
		if (locale != null) {
			claims.claim(TokenClaims.LOCALE, locale);
		}
		if (!siteIds.isEmpty()) {
			claims.claim(TokenClaims.SITE_IDS, siteIds.stream().map(UUID::toString).toList());
		}
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims.build());
		try {
			jwt.sign(new RSASSASigner(KEYS.getPrivate()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Replaces the JWK Set lookup at the auth-server, which is not running in these tests. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Decoder {

		@Bean
		JwtDecoder jwtDecoder() {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
			decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
			return decoder;
		}
	}
}
