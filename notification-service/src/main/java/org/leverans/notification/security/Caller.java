package org.leverans.notification.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.leverans.contracts.TokenClaims;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, as the access token says: what the service needs to decide what the caller may see.
 *
 * @param customerId buyer roles (and receivers) act for one customer; {@code null} otherwise
 * @param siteIds the delivery sites a receiver receives at
 * @param carrier the carrier code of a logistics partner
 */
public record Caller(String subject, Set<String> roles, UUID customerId, Set<UUID> siteIds, String carrier) {

	public Caller {
		roles = Set.copyOf(roles);
		siteIds = Set.copyOf(siteIds);
	}

	public static Caller of(Jwt jwt) {
		return new Caller(jwt.getSubject(), strings(jwt.getClaim(TokenClaims.ROLES)),
				uuid(jwt.getClaim(TokenClaims.CUSTOMER_ID)), uuids(jwt.getClaim(TokenClaims.SITE_IDS)),
				jwt.getClaimAsString(TokenClaims.CARRIER));
	}

	public boolean has(String role) {
		return this.roles.contains(role);
	}

	private static Set<String> strings(Object claim) {
		Set<String> values = new LinkedHashSet<>();
		if (claim instanceof Collection<?> collection) {
			collection.forEach(value -> values.add(String.valueOf(value)));
		}
		else if (claim instanceof String value) {
			values.add(value);
		}
		return values;
	}

	private static Set<UUID> uuids(Object claim) {
		Set<UUID> values = new LinkedHashSet<>();
		for (String value : strings(claim)) {
			UUID id = uuid(value);
			if (id != null) {
				values.add(id);
			}
		}
		return values;
	}

	// A malformed id in a token grants nothing rather than failing the request: the caller simply sees less.
	private static UUID uuid(Object claim) {
		if (claim == null) {
			return null;
		}
		try {
			return UUID.fromString(String.valueOf(claim));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static List<String> roleNames(Jwt jwt) {
		return List.copyOf(strings(jwt.getClaim(TokenClaims.ROLES)));
	}
}
