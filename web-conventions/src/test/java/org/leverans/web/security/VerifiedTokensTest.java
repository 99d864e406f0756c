package org.leverans.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VerifiedTokensTest {

	static final Instant NOW = Instant.parse("2026-12-06T06:00:00Z");

	final AtomicLong nanos = new AtomicLong();

	final AtomicInteger verifications = new AtomicInteger();

	/** Verifies "good-<minutes>" as a token expiring in that many minutes, and refuses anything else. */
	final JwtDecoder verifier = token -> {
		this.verifications.incrementAndGet();
		if (!token.startsWith("good-")) {
			throw new BadJwtException("bad signature");
		}
		long minutes = Long.parseLong(token.substring(5));
		return Jwt.withTokenValue(token).header("alg", "RS256").subject("rakennus-erp").issuedAt(NOW)
			.expiresAt(NOW.plus(Duration.ofMinutes(minutes))).build();
	};

	final VerifiedTokens tokens = new VerifiedTokens(this.verifier, Clock.fixed(NOW, ZoneOffset.UTC),
			this.nanos::get);

	@Test
	void aTokenIsVerifiedOnceAndThenRemembered() {
		Jwt first = this.tokens.decode("good-5");
		Jwt again = this.tokens.decode("good-5");

		assertThat(again).isSameAs(first);
		assertThat(this.verifications).hasValue(1);
	}

	@Test
	void aRememberedTokenIsVerifiedAgainOnceItHasExpired() {
		this.tokens.decode("good-5");

		this.nanos.addAndGet(Duration.ofMinutes(5).plusSeconds(1).toNanos());

		assertThat(this.tokens.remembers("good-5")).isFalse();
		this.tokens.decode("good-5");
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void aTokenThatFailsIsRefusedEveryTimeAndNeverRemembered() {
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.tokens.decode("forged"));
		}

		assertThat(this.verifications).hasValue(2);
		assertThat(this.tokens.remembers("forged")).isFalse();
	}
}
