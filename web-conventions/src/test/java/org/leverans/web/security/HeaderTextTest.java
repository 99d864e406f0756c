package org.leverans.web.security;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import org.springframework.security.web.firewall.StrictHttpFirewall;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderTextTest {

	/** Plain text, the edges of printable ASCII, controls, a tab, text beyond ASCII, unassigned and surrogates. */
	private static final List<String> PIECES = List.of("a", "Z", "0", " ", "~", "!", "\t", "\n", "\r", "\u0000",
			"\u001f", "\u007f", "\u0085", "\u009f", "\u00a0", "ä", "Ö", "\u200b", "\u0378", "\uffff", "\ud83d",
			"\ude9a", "\ud83d\ude9a", "\ue000", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln");

	@Test
	void refusesExactlyWhatSpringSecuritysOwnCheckRefuses() {
		SplittableRandom random = new SplittableRandom(42);
		for (int n = 0; n < 20_000; n++) {
			StringBuilder text = new StringBuilder();
			int pieces = random.nextInt(6);
			for (int i = 0; i < pieces; i++) {
				text.append(PIECES.get(random.nextInt(PIECES.size())));
			}
			String header = text.toString();
			assertThat(HeaderText.values().test(header)).as("value %s", escaped(header))
				.isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(header));
			assertThat(HeaderText.names().test(header)).as("name %s", escaped(header))
				.isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(header));
		}
	}

	@Test
	void letsATabIntoAValueButNotIntoAName() {
		assertThat(HeaderText.values().test("a\tb")).isTrue();
		assertThat(HeaderText.names().test("a\tb")).isFalse();
	}

	@Test
	void refusesControlCharactersAndUnassignedCodePoints() {
		Predicate<String> values = HeaderText.values();
		assertThat(values.test("order\u0000")).isFalse();
		assertThat(values.test("line\r\nX-Injected: 1")).isFalse();
		assertThat(values.test("\u0085")).isFalse();
		assertThat(values.test("\u0378")).isFalse();
		assertThat(values.test("Jyväskylä \ud83d\ude9a")).isTrue();
		assertThat(values.test(null)).isTrue();
	}

	@Test
	void takesOnlyPrintableAsciiAsPlainText() {
		assertThat(HeaderText.isPrintableAscii(" Bearer abc.DEF-_~")).isTrue();
		assertThat(HeaderText.isPrintableAscii("")).isTrue();
		assertThat(HeaderText.isPrintableAscii("tab\there")).isFalse();
		assertThat(HeaderText.isPrintableAscii("\u007f")).isFalse();
		assertThat(HeaderText.isPrintableAscii("ä")).isFalse();
	}

	private static String escaped(String text) {
		StringBuilder out = new StringBuilder();
		text.chars().forEach((c) -> out.append((c >= 0x20 && c < 0x7f) ? String.valueOf((char) c)
				: String.format("\\u%04x", c)));
		return out.toString();
	}
}
