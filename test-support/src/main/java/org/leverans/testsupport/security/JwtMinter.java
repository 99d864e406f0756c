package org.leverans.testsupport.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Real RS256 access tokens signed with a key of the test's own, for tests that go through the service's whole
 * token validation. Either serve {@link #jwkSet()} where the service looks for the auth-server's keys, or give the
 * service {@link #decoder(String)}.
 */
public final class JwtMinter {

	private final RSAKey key;

	private JwtMinter(RSAKey key) {
		this.key = key;
	}

	/** A minter with a fresh 2048-bit RSA key under this key id. */
	public static JwtMinter withNewKey(String keyId) {
		try {
			return new JwtMinter(new RSAKeyGenerator(2048).keyID(keyId).generate());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String keyId() {
		return this.key.getKeyID();
	}

	/** The caller's token from {@code issuer}, valid from now for {@code validFor}. */
	public String mint(TestCaller caller, String issuer, Duration validFor) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer)
			.subject(caller.subject())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(validFor)));
		caller.claims().forEach(claims::claim);
		return mint(claims.build());
	}

	/** A token with exactly these claims, e.g. one the auth-server would never issue. */
	public String mint(JWTClaimsSet claims) {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.key.getKeyID()).build(),
				claims);
		try {
			jwt.sign(new RSASSASigner(this.key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	/** The public key as a JWK Set document, what the auth-server serves at {@code /oauth2/jwks}. */
	public String jwkSet() {
		return new JWKSet(this.key.toPublicJWK()).toString();
	}

	/** A decoder that trusts only this key and {@code issuer}, with the default time checks. */
	public JwtDecoder decoder(String issuer) {
		try {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(this.key.toRSAPublicKey()).build();
			decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
			return decoder;
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
