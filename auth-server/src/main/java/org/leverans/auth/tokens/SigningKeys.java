package org.leverans.auth.tokens;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The RS256 key that signs every token, kept in the {@code signing_key} table. The first instance to start creates
 * it; every later start and every other instance reads the same one, so the JWKS that resource servers cached stays
 * valid.
 */
@Component
public class SigningKeys {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	private final JdbcTemplate jdbc;

	private final RSAKey active;

	public SigningKeys(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.active = loadOrCreate();
	}

	/** The key tokens are signed with. */
	public RSAKey activeKey() {
		return this.active;
	}

	private RSAKey loadOrCreate() {
		return findActive().orElseGet(() -> {
			KeyPair pair = generate();
			String keyId = UUID.randomUUID().toString();
			int inserted = this.jdbc.update("""
					INSERT INTO signing_key (key_id, algorithm, public_key, private_key, active)
					VALUES (?, 'RS256', ?, ?, true) ON CONFLICT DO NOTHING""", keyId, encode(pair.getPublic().getEncoded()),
					encode(pair.getPrivate().getEncoded()));
			if (inserted == 1) {
				log.info("Created token signing key {}", keyId);
			}
			// Another instance may have inserted its key first; everyone signs with whichever one is active.
			return findActive().orElseThrow(() -> new IllegalStateException("No active signing key after insert"));
		});
	}

	private Optional<RSAKey> findActive() {
		return this.jdbc.query("SELECT key_id, public_key, private_key FROM signing_key WHERE active",
				(rs, row) -> toJwk(rs.getString("key_id"), rs.getString("public_key"), rs.getString("private_key")))
			.stream()
			.findFirst();
	}

	private static RSAKey toJwk(String keyId, String publicKey, String privateKey) {
		try {
			KeyFactory factory = KeyFactory.getInstance("RSA");
			RSAPublicKey pub = (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(decode(publicKey)));
			RSAPrivateKey priv = (RSAPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(decode(privateKey)));
			return new RSAKey.Builder(pub).privateKey(priv)
				.keyID(keyId)
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.build();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Signing key " + keyId + " in the database is unreadable", ex);
		}
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("RSA is not available", ex);
		}
	}

	private static String encode(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

	private static byte[] decode(String text) {
		return Base64.getDecoder().decode(text);
	}
}
