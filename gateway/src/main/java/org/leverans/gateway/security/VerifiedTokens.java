package org.leverans.gateway.security;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The gateway's token decoder remembers the tokens it has verified until they expire, as every service's does
 * (web-conventions' {@code VerifiedTokens}, for the servlet stack): a client sends the same token with every request of
 * its lifetime, and checking its signature each time was a tenth of the gateway's CPU per request. Only a token that
 * passed is remembered, by its whole text.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

	/** Far more tokens than live at once; a bound, so made-up tokens cannot grow it. */
	static final int MAX_TOKENS = 10_000;

	private final ReactiveJwtDecoder verifier;

	private final Cache<String, Jwt> verified;

	VerifiedTokens(ReactiveJwtDecoder verifier) {
		this(verifier, Clock.systemUTC(), Ticker.systemTicker());
	}

	VerifiedTokens(ReactiveJwtDecoder verifier, Clock clock, Ticker ticker) {
		this.verifier = verifier;
		this.verified = Caffeine.newBuilder()
			.maximumSize(MAX_TOKENS)
			.ticker(ticker)
			.expireAfter(Expiry.creating((String token, Jwt jwt) -> {
				Duration left = Duration.between(clock.instant(), jwt.getExpiresAt());
				return left.isNegative() ? Duration.ZERO : left;
			}))
			.build();
	}

	@Override
	public Mono<Jwt> decode(String token) throws JwtException {
		Jwt known = this.verified.getIfPresent(token);
		if (known != null) {
			return Mono.just(known);
		}
		return this.verifier.decode(token).doOnNext(jwt -> {
			if (jwt.getExpiresAt() != null) {
				this.verified.put(token, jwt);
			}
		});
	}
}
