package org.leverans.order.core;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of some bytes as lower-case hex: the fingerprint of a request kept with its Idempotency-Key, the
 * hash by which a photo sent twice is known. Stored values are compared with new ones, so the format stays this one.
 */
public final class Sha256 {

	private Sha256() {
	}

	/** @param parts hashed one after the other, as if they were one array */
	public static String hex(byte[]... parts) {
		MessageDigest sha;
		try {
			sha = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		for (byte[] part : parts) {
			sha.update(part);
		}
		return HexFormat.of().formatHex(sha.digest());
	}
}
