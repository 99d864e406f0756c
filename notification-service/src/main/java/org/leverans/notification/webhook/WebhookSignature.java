package org.leverans.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing: {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">} with the
 * endpoint's secret, written {@code whsec_<base64 key>}.
 */
public final class WebhookSignature {

	private static final String PREFIX = "whsec_";

	private static final SecureRandom random = new SecureRandom();

	private WebhookSignature() {
	}

	public static String newSecret() {
		byte[] key = new byte[32];
		random.nextBytes(key);
		return PREFIX + Base64.getEncoder().encodeToString(key);
	}

	public static String sign(String secret, String messageId, long timestampSeconds, String body) {
		byte[] key = Base64.getDecoder()
			.decode(secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret);
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			byte[] signature = mac
				.doFinal((messageId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}
}
