package org.leverans.gateway.security;

import java.util.function.Predicate;

import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/**
 * The firewall's check of header names and values, with a quick answer for plain text, as every service's
 * (web-conventions' {@code HeaderText}, for the servlet stack). Spring Security's firewall refuses a header with a
 * control character or an unassigned code point by matching a Unicode regular expression on every read of a header;
 * the gateway reads the bearer token, about a kilobyte, several times per request and copies every header on to the
 * service, and those matches were 6 % of its CPU per order (docs/performance.md, session 14). Printable ASCII can
 * hold neither, so it passes at once; anything else is still asked of Spring's own check, so what is refused stays
 * exactly what Spring refuses.
 */
final class HeaderText {

	private HeaderText() {
	}

	static Predicate<String> names() {
		return plainOr(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES);
	}

	static Predicate<String> values() {
		return plainOr(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES);
	}

	/** A firewall as strict as Spring Security's default, with the quicker header checks. */
	static StrictServerWebExchangeFirewall firewall() {
		StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
		firewall.setAllowedHeaderNames(names());
		firewall.setAllowedHeaderValues(values());
		return firewall;
	}

	private static Predicate<String> plainOr(Predicate<String> spring) {
		return (text) -> text == null || isPrintableAscii(text) || spring.test(text);
	}

	static boolean isPrintableAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c > 0x7e) {
				return false;
			}
		}
		return true;
	}
}
