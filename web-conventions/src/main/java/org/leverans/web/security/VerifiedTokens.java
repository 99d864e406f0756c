package org.leverans.web.security;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A {@link JwtDecoder} that remembers the tokens it has verified until they expire. An ERP integration or a signed-in
 * person sends the same token with every request for its whole lifetime, and checking its RSA signature each time was
 * a tenth of a request's CPU. A token is the same token only when its every character is, so remembering it by its
 * text trusts nothing the first verification did not; one that never passed is never remembered.
 */
public final class VerifiedTokens implements JwtDecoder {

	/** Far more tokens than live at once on one instance; a bound, so made-up tokens cannot grow it. */
	static final int MAX_TOKENS = 10_000;

	private final JwtDecoder verifier;

	private final Cache<String, Jwt> verified;

	public VerifiedTokens(JwtDecoder verifier) {
		this(verifier, Clock.systemUTC(), Ticker.systemTicker());
	}

	VerifiedTokens(JwtDecoder verifier, Clock clock, Ticker ticker) {
		this.verifier = verifier;
		this.verified = Caffeine.newBuilder()
			.maximumSize(MAX_TOKENS)
			.ticker(ticker)
			.expireAfter(Expiry.creating((String token, Jwt jwt) -> untilExpiry(jwt, clock)))
			.build();
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt known = this.verified.getIfPresent(token);
		if (known != null) {
			return known;
		}
		Jwt jwt = this.verifier.decode(token);
		if (jwt.getExpiresAt() != null) {
			this.verified.put(token, jwt);
		}
		return jwt;
	}

	private static Duration untilExpiry(Jwt jwt, Clock clock) {
		Duration left = Duration.between(clock.instant(), jwt.getExpiresAt());
		return left.isNegative() ? Duration.ZERO : left;
	}

	/** For tests: whether a token is remembered now. */
	boolean remembers(String token) {
		return this.verified.getIfPresent(token) != null;
	}
}
