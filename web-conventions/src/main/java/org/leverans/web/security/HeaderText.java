package org.leverans.web.security;

import java.util.function.Predicate;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The firewall's check of header names and values, with a quick answer for plain text. Spring Security's firewall
 * refuses a header with a control character or an unassigned code point by matching a Unicode regular expression,
 * once for every read of a header; a request's bearer token alone is about a kilobyte, read several times, and those
 * matches were about 4 % of order-service's CPU at 90 orders/s (docs/performance.md, session 14). Printable ASCII,
 * which is all of a token and nearly every header, can hold neither, so it passes at once; anything else is still
 * asked of Spring's own check, so what is refused stays exactly what Spring refuses. The gateway's firewall does the
 * same ({@code org.leverans.gateway.security.HeaderText}, for the reactive stack).
 */
public final class HeaderText {

	private HeaderText() {
	}

	/** Header names as {@link StrictHttpFirewall#ALLOWED_HEADER_NAMES}, printable ASCII answered at once. */
	public static Predicate<String> names() {
		return plainOr(StrictHttpFirewall.ALLOWED_HEADER_NAMES);
	}

	/** Header values as {@link StrictHttpFirewall#ALLOWED_HEADER_VALUES}, printable ASCII answered at once. */
	public static Predicate<String> values() {
		return plainOr(StrictHttpFirewall.ALLOWED_HEADER_VALUES);
	}

	/** A firewall as strict as Spring Security's default, with the quicker header checks. */
	public static StrictHttpFirewall firewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
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
