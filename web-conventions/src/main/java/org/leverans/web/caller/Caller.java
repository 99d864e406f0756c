package org.leverans.web.caller;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import org.leverans.contracts.TokenClaims;
import org.leverans.contracts.TokenClaims.Roles;
import org.leverans.web.problem.ApiProblem;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, as the access token says: every read and write is scoped by it. A controller takes it as a
 * parameter.
 *
 * <p>
 * One rule for bad claims, everywhere: a claim that is not what it should be (an id that is not a UUID, a role
 * list that is not a list) grants nothing, rather than failing the request. The caller simply sees less.
 *
 * @param subject the user name or client id ({@code sub})
 * @param customerId the customer a buyer or receiver acts for; {@code null} for staff and carriers
 * @param siteIds the delivery sites a receiver receives at
 * @param carrier the carrier code of a logistics partner; {@code null} otherwise
 */
public record Caller(String subject, Set<String> roles, UUID customerId, Set<UUID> siteIds, String carrier) {

	public Caller {
		roles = Set.copyOf(roles);
		siteIds = Set.copyOf(siteIds);
	}

	public static Caller of(Jwt jwt) {
		Set<UUID> sites = new LinkedHashSet<>();
		for (String site : strings(jwt.getClaim(TokenClaims.SITE_IDS))) {
			UUID id = uuid(site);
			if (id != null) {
				sites.add(id);
			}
		}
		Object customer = jwt.getClaim(TokenClaims.CUSTOMER_ID);
		Object carrier = jwt.getClaim(TokenClaims.CARRIER);
		return new Caller(jwt.getSubject(), roles(jwt), (customer != null) ? uuid(String.valueOf(customer)) : null,
				sites, (carrier instanceof String code) ? code : null);
	}

	/** The token's roles, whether the claim is a list or a single string. */
	public static Set<String> roles(Jwt jwt) {
		return strings(jwt.getClaim(TokenClaims.ROLES));
	}

	public boolean has(String role) {
		return this.roles.contains(role);
	}

	/** Customer service and supplier admins see every customer's data. */
	public boolean isStaff() {
		return has(Roles.CUSTOMER_SERVICE) || has(Roles.ADMIN);
	}

	/** Orderers and agreement managers act for their own customer. */
	public boolean isBuyer() {
		return (has(Roles.ORDERER) || has(Roles.AGREEMENT_MANAGER)) && this.customerId != null;
	}

	public boolean isBuyerOf(UUID customer) {
		return isBuyer() && this.customerId.equals(customer);
	}

	public boolean isReceiver() {
		return has(Roles.RECEIVER) && !this.siteIds.isEmpty();
	}

	public boolean receivesAt(UUID site) {
		return has(Roles.RECEIVER) && this.siteIds.contains(site);
	}

	public boolean isCarrier(String code) {
		return has(Roles.CARRIER) && this.carrier != null && this.carrier.equals(code);
	}

	/** Whether the caller may see something of this customer's that is delivered to these sites. */
	public boolean maySee(UUID customer, Set<UUID> sites) {
		return isStaff() || isBuyerOf(customer) || (has(Roles.RECEIVER) && sites.stream().anyMatch(this.siteIds::contains));
	}

	/** Whether the caller may place, cancel or reorder orders for this customer. */
	public boolean mayOrderFor(UUID customer) {
		return has(Roles.ORDERER) && this.customerId != null && this.customerId.equals(customer);
	}

	/** The customer a buyer acts for; a token that names none may not see any customer's data. */
	public UUID requireCustomer() {
		if (this.customerId == null) {
			throw ApiProblem.forbidden("The access token names no customer.");
		}
		return this.customerId;
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

	private static UUID uuid(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
