package org.leverans.gateway.security;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderTextTest {

	private static final List<String> PIECES = List.of("a", " ", "~", "\t", "\n", "\u0000", "\u007f", "\u0085",
			"\u00a0", "ä", "\u0378", "\uffff", "\ud83d", "\ud83d\ude9a", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln");

	@Test
	void refusesExactlyWhatSpringSecuritysReactiveFirewallRefuses() {
		SplittableRandom random = new SplittableRandom(7);
		for (int n = 0; n < 20_000; n++) {
			StringBuilder header = new StringBuilder();
			for (int i = random.nextInt(6); i > 0; i--) {
				header.append(PIECES.get(random.nextInt(PIECES.size())));
			}
			String text = header.toString();
			assertThat(HeaderText.values().test(text))
				.isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(text));
			assertThat(HeaderText.names().test(text))
				.isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(text));
		}
	}

	@Test
	void answersPlainTextAtOnceAndNothingElse() {
		assertThat(HeaderText.isPrintableAscii("Bearer abc.DEF-_~ ")).isTrue();
		assertThat(HeaderText.isPrintableAscii("a\tb")).isFalse();
		assertThat(HeaderText.isPrintableAscii("ä")).isFalse();
	}
}
