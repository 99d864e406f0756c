package org.leverans.credit.web;

import java.util.List;
import java.util.UUID;

import org.leverans.contracts.TokenClaims;

import org.springframework.security.oauth2.jwt.Jwt;

/** Who is calling, from their access token. */
public record Caller(String subject, List<String> roles, UUID customerId, List<String> siteIds, String carrier) {

	public static Caller of(Jwt jwt) {
		String customerId = jwt.getClaimAsString(TokenClaims.CUSTOMER_ID);
		List<String> roles = jwt.getClaimAsStringList(TokenClaims.ROLES);
		List<String> sites = jwt.getClaimAsStringList(TokenClaims.SITE_IDS);
		return new Caller(jwt.getSubject(), (roles != null) ? roles : List.of(),
				(customerId != null) ? UUID.fromString(customerId) : null, (sites != null) ? sites : List.of(),
				jwt.getClaimAsString(TokenClaims.CARRIER));
	}

	public boolean hasRole(String role) {
		return this.roles.contains(role);
	}
}
