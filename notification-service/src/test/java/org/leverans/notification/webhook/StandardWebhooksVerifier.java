package org.leverans.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check of a webhook, written from the Standard Webhooks specification
 * (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md), deliberately
 * without the service's own signing code: the signed content is {@code msg_id.timestamp.payload}, the key is the
 * base64 part of the secret after {@code whsec_}, the header is a space-delimited list of {@code v1,<base64>}, any
 * one entry may match, comparisons are constant-time, and timestamps outside a tolerance are rejected.
 */
public final class StandardWebhooksVerifier {

	private static final Duration TOLERANCE = Duration.ofMinutes(5);

	private StandardWebhooksVerifier() {
	}

	/** Whether a message with these headers and raw body was signed with {@code secret} and is fresh at {@code now}. */
	public static boolean verify(String secret, String msgId, String timestamp, String signatureHeader, String rawBody,
			Instant now) {
		if (msgId == null || timestamp == null || signatureHeader == null) {
			return false;
		}
		long seconds;
		try {
			seconds = Long.parseLong(timestamp);
		}
		catch (NumberFormatException ex) {
			return false;
		}
		if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
			return false;
		}
		byte[] expected = hmac(secret, msgId + "." + timestamp + "." + rawBody);
		return entries(signatureHeader).stream().anyMatch(entry -> matches(entry, expected));
	}

	/** Whether one entry of the header ({@code v1,<base64>}) is the signature with {@code secret}. */
	public static boolean entrySignedWith(String entry, String secret, String msgId, String timestamp, String rawBody) {
		return matches(entry, hmac(secret, msgId + "." + timestamp + "." + rawBody));
	}

	/** The header's entries, in order. */
	public static List<String> entries(String signatureHeader) {
		return Arrays.stream(signatureHeader.split(" ")).filter(entry -> !entry.isEmpty()).toList();
	}

	private static boolean matches(String entry, byte[] expected) {
		int comma = entry.indexOf(',');
		if (comma < 0 || !entry.substring(0, comma).equals("v1")) {
			return false;
		}
		try {
			return MessageDigest.isEqual(Base64.getDecoder().decode(entry.substring(comma + 1)), expected);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static byte[] hmac(String secret, String content) {
		if (!secret.startsWith("whsec_")) {
			throw new IllegalArgumentException("not a Standard Webhooks secret");
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
			return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
