package org.leverans.order.security;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.leverans.contracts.TokenClaims;
import org.leverans.contracts.TokenClaims.Roles;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, as the access token says: used to scope every read and write to what the caller may see.
 *
 * @param subject the user name or client id ({@code sub})
 * @param customerId the customer a buyer acts for, {@code null} for staff and carriers
 * @param siteIds the delivery sites a receiver receives at
 */
public record Caller(String subject, Set<String> roles, UUID customerId, Set<UUID> siteIds, String carrier) {

	public static Caller of(Jwt jwt) {
		List<String> roles = jwt.getClaimAsStringList(TokenClaims.ROLES);
		List<String> sites = jwt.getClaimAsStringList(TokenClaims.SITE_IDS);
		String customer = jwt.getClaimAsString(TokenClaims.CUSTOMER_ID);
		return new Caller(jwt.getSubject(), (roles != null) ? Set.copyOf(roles) : Set.of(),
				(customer != null) ? parse(customer) : null,
				(sites != null) ? sites.stream().map(Caller::parse).filter(id -> id != null).collect(
						java.util.stream.Collectors.toUnmodifiableSet()) : Set.of(),
				jwt.getClaimAsString(TokenClaims.CARRIER));
	}

	private static UUID parse(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			// A malformed id in a token grants nothing rather than failing the request.
			return null;
		}
	}

	public boolean has(String role) {
		return this.roles.contains(role);
	}

	/** Customer service and supplier admins see every customer's orders. */
	public boolean isStaff() {
		return has(Roles.CUSTOMER_SERVICE) || has(Roles.ADMIN);
	}

	/** Orderers and agreement managers see all orders of their own customer. */
	public boolean isBuyer() {
		return (has(Roles.ORDERER) || has(Roles.AGREEMENT_MANAGER)) && this.customerId != null;
	}

	public boolean isReceiver() {
		return has(Roles.RECEIVER) && !this.siteIds.isEmpty();
	}

	/** Whether the caller may see an order of this customer with lines for these sites. */
	public boolean maySee(UUID orderCustomerId, Set<UUID> orderSiteIds) {
		if (isStaff()) {
			return true;
		}
		if (isBuyer() && this.customerId.equals(orderCustomerId)) {
			return true;
		}
		return isReceiver() && orderSiteIds.stream().anyMatch(this.siteIds::contains);
	}

	/** Whether the caller may place, cancel or reorder orders of this customer. */
	public boolean mayOrderFor(UUID orderCustomerId) {
		return has(Roles.ORDERER) && this.customerId != null && this.customerId.equals(orderCustomerId);
	}
}
