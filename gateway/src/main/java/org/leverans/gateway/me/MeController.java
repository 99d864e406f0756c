package org.leverans.gateway.me;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is signed in, for the pages: they choose their navigation and defaults from it. Answered by the gateway
 * itself from the claims it already holds (the ID token of a browser session, or a bearer token), so no service is
 * asked and the pages need not decode a token.
 */
@RestController
class MeController {

	@GetMapping("/api/me")
	Me me(Authentication authentication) {
		return Me.of(claimsOf(authentication));
	}

	private static Map<String, Object> claimsOf(Authentication authentication) {
		if (authentication.getPrincipal() instanceof OidcUser user) {
			return user.getClaims();
		}
		if (authentication instanceof JwtAuthenticationToken jwt) {
			return jwt.getTokenAttributes();
		}
		return Map.of("sub", authentication.getName());
	}

	/** The claim names are those of org.leverans.contracts.TokenClaims (docs/development.md, "Tokens"). */
	record Me(String username, String name, List<String> roles, String customerId, List<String> siteIds,
			String locale) {

		static Me of(Map<String, Object> claims) {
			return new Me(string(claims.get("sub")), string(claims.get("name")), strings(claims.get("roles")),
					string(claims.get("customer_id")), strings(claims.get("site_ids")), string(claims.get("locale")));
		}

		private static String string(Object value) {
			return (value != null) ? value.toString() : null;
		}

		private static List<String> strings(Object value) {
			if (value instanceof Iterable<?> values) {
				List<String> strings = new ArrayList<>();
				values.forEach((item) -> strings.add(String.valueOf(item)));
				return List.copyOf(strings);
			}
			return (value != null) ? List.of(value.toString()) : List.of();
		}
	}

}
