package org.leverans.gateway.ratelimit;

import java.security.Principal;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who a request counts against, and under which limit.
 *
 * @param key the bucket's key, distinct per kind so a client id cannot share a person's bucket
 * @param limit the caller's limit
 */
record Caller(String key, RateLimits.Limit limit) {

	/**
	 * A client-credentials token names the client as its subject (Spring Authorization Server also puts the client
	 * id in {@code client_id} and the audience); a person's token names the person and the client they signed in
	 * with. Browser sessions are always a person.
	 */
	static Caller of(Principal principal, RateLimits limits) {
		if (principal instanceof JwtAuthenticationToken token && isClientToken(token.getToken())) {
			return new Caller("client:" + token.getName(), limits.forClient(token.getName()));
		}
		return new Caller("person:" + principal.getName(), limits.people());
	}

	static Caller anonymous(String address, RateLimits limits) {
		return new Caller("address:" + address, limits.people());
	}

	private static boolean isClientToken(Jwt jwt) {
		String subject = jwt.getSubject();
		return subject != null && (subject.equals(jwt.getClaimAsString("client_id"))
				|| (jwt.getAudience() != null && jwt.getAudience().contains(subject)));
	}

}
