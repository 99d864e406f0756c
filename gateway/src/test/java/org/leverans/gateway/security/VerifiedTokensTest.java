package org.leverans.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VerifiedTokensTest {

	static final Instant NOW = Instant.parse("2026-12-06T06:00:00Z");

	final AtomicLong nanos = new AtomicLong();

	final AtomicInteger verifications = new AtomicInteger();

	final ReactiveJwtDecoder verifier = token -> Mono.fromCallable(() -> {
		this.verifications.incrementAndGet();
		if (!token.startsWith("good-")) {
			throw new BadJwtException("bad signature");
		}
		return Jwt.withTokenValue(token).header("alg", "RS256").subject("anna").issuedAt(NOW)
			.expiresAt(NOW.plus(Duration.ofMinutes(Long.parseLong(token.substring(5))))).build();
	});

	final VerifiedTokens tokens = new VerifiedTokens(this.verifier, Clock.fixed(NOW, ZoneOffset.UTC),
			this.nanos::get);

	@Test
	void aTokenIsVerifiedOnceUntilItExpires() {
		Jwt first = this.tokens.decode("good-5").block();
		assertThat(this.tokens.decode("good-5").block()).isSameAs(first);
		assertThat(this.verifications).hasValue(1);

		this.nanos.addAndGet(Duration.ofMinutes(5).plusSeconds(1).toNanos());
		this.tokens.decode("good-5").block();

		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void aTokenThatFailsIsNeverRemembered() {
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.tokens.decode("forged").block());
		}
		assertThat(this.verifications).hasValue(2);
	}
}
