package org.leverans.gateway.security;

import java.util.Collection;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.authorization.AuthorizationContext;

/**
 * The gateway's own operations endpoints (the Prometheus scrape) are for the supplier's administrators: a bearer
 * token or a browser session whose {@code roles} claim names {@code ADMIN}. The gateway's port is the public one, so
 * unlike a service's port its scrape is not open.
 */
final class AdminOnly implements ReactiveAuthorizationManager<AuthorizationContext> {

	static final String ADMIN = "ADMIN";

	/** org.leverans.contracts.TokenClaims.ROLES; the gateway reads claims without the contracts module. */
	static final String ROLES = "roles";

	@Override
	public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
		return authentication.filter(Authentication::isAuthenticated)
			.map((caller) -> (AuthorizationResult) new AuthorizationDecision(isAdmin(caller)))
			.defaultIfEmpty(new AuthorizationDecision(false));
	}

	static boolean isAdmin(Authentication caller) {
		Map<String, Object> claims;
		if (caller.getPrincipal() instanceof OidcUser user) {
			claims = user.getClaims();
		}
		else if (caller instanceof JwtAuthenticationToken jwt) {
			claims = jwt.getTokenAttributes();
		}
		else {
			return false;
		}
		return claims.get(ROLES) instanceof Collection<?> roles && roles.contains(ADMIN);
	}
}
