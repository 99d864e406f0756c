package org.leverans.testsupport.security;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.leverans.testsupport.DemoIds;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JwtMinterTest {

	private static final String ISSUER = "http://localhost:9000";

	private final JwtMinter minter = JwtMinter.withNewKey("test");

	@Test
	void itsDecoderAcceptsItsTokensWithTheCallersClaims() {
		String token = this.minter.mint(TestCaller.orderer("anna", DemoIds.RAKENNUS), ISSUER, Duration.ofMinutes(5));

		Jwt jwt = this.minter.decoder(ISSUER).decode(token);
		assertThat(jwt.getSubject()).isEqualTo("anna");
		assertThat(jwt.getClaimAsStringList("roles")).containsExactly("ORDERER");
		assertThat(jwt.getClaimAsString("customer_id")).isEqualTo(DemoIds.RAKENNUS.toString());
	}

	@Test
	void aTokenSignedWithAnotherKeyIsRefused() {
		String forged = JwtMinter.withNewKey("test").mint(TestCaller.admin("eve"), ISSUER, Duration.ofMinutes(5));

		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.minter.decoder(ISSUER).decode(forged));
	}

	@Test
	void aTokenFromAnotherIssuerIsRefused() {
		String foreign = this.minter.mint(TestCaller.admin("eve"), "https://issuer.example", Duration.ofMinutes(5));

		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.minter.decoder(ISSUER).decode(foreign));
	}

	@Test
	void itsKeySetPublishesOnlyThePublicKey() {
		assertThat(this.minter.jwkSet()).contains("\"kid\":\"test\"").contains("\"n\":").doesNotContain("\"d\":");
	}
}
