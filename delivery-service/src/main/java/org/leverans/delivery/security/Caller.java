package org.leverans.delivery.security;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.leverans.contracts.TokenClaims;
import org.leverans.contracts.TokenClaims.Roles;

import org.springframework.security.oauth2.jwt.Jwt;

/** Who is calling, as far as scoping shipments goes: taken from the access token's claims. */
public record Caller(String subject, Set<String> roles, UUID customerId, Set<UUID> siteIds, String carrier) {

	public static Caller of(Jwt jwt) {
		List<String> roles = jwt.getClaimAsStringList(TokenClaims.ROLES);
		List<String> sites = jwt.getClaimAsStringList(TokenClaims.SITE_IDS);
		return new Caller(jwt.getSubject(), (roles != null) ? Set.copyOf(roles) : Set.of(),
				uuidOrNull(jwt.getClaimAsString(TokenClaims.CUSTOMER_ID)),
				(sites != null) ? sites.stream().map(Caller::uuidOrNull).filter(id -> id != null)
					.collect(Collectors.toUnmodifiableSet()) : Set.of(),
				jwt.getClaimAsString(TokenClaims.CARRIER));
	}

	public boolean has(String role) {
		return this.roles.contains(role);
	}

	/** Customer service and supplier admins see every customer's shipments. */
	public boolean seesEverything() {
		return has(Roles.CUSTOMER_SERVICE) || has(Roles.ADMIN);
	}

	public boolean isBuyerOf(UUID customer) {
		return (has(Roles.ORDERER) || has(Roles.AGREEMENT_MANAGER)) && this.customerId != null
				&& this.customerId.equals(customer);
	}

	public boolean receivesAt(UUID site) {
		return has(Roles.RECEIVER) && this.siteIds.contains(site);
	}

	public boolean isCarrier(String code) {
		return has(Roles.CARRIER) && this.carrier != null && this.carrier.equals(code);
	}

	private static UUID uuidOrNull(String value) {
		try {
			return (value != null) ? UUID.fromString(value) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
