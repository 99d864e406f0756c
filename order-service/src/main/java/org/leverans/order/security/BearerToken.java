package org.leverans.order.security;

/** The caller's access token from the incoming {@code Authorization} header, to pass on to another service. */
public final class BearerToken {

	private static final String PREFIX = "Bearer ";

	private BearerToken() {
	}

	/** @return the token without its {@code Bearer } prefix, or {@code null} when there is none */
	public static String of(String authorizationHeader) {
		if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
			return null;
		}
		String token = authorizationHeader.substring(PREFIX.length()).strip();
		return token.isEmpty() ? null : token;
	}
}
