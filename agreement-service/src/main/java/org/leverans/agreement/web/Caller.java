package org.leverans.agreement.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.leverans.contracts.TokenClaims;

import org.springframework.security.oauth2.jwt.Jwt;

/** Who is calling, from the access token: used to scope what a caller may see. */
public record Caller(String subject, Set<String> roles, UUID customerId, Set<UUID> siteIds, String carrier) {

	public static Caller from(Jwt jwt) {
		List<String> roles = jwt.getClaimAsStringList(TokenClaims.ROLES);
		List<String> sites = jwt.getClaimAsStringList(TokenClaims.SITE_IDS);
		return new Caller(jwt.getSubject(), (roles != null) ? Set.copyOf(roles) : Set.of(),
				uuid(jwt.getClaimAsString(TokenClaims.CUSTOMER_ID)),
				(sites != null) ? Set.copyOf(sites.stream().map(Caller::uuid).filter(id -> id != null).toList())
						: Set.of(),
				jwt.getClaimAsString(TokenClaims.CARRIER));
	}

	public boolean has(String role) {
		return this.roles.contains(role);
	}

	/** The customer a buyer acts for; a token without one may not see any customer's data. */
	public UUID requireCustomer() {
		if (this.customerId == null) {
			throw new Problems.Forbidden("The access token names no customer");
		}
		return this.customerId;
	}

	private static UUID uuid(String text) {
		if (text == null) {
			return null;
		}
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
