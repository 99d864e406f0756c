package org.leverans.testsupport.security;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.leverans.contracts.TokenClaims;
import org.leverans.contracts.TokenClaims.Roles;

/**
 * Who calls in a test: the claims of an access token as the auth-server issues them (docs/development.md,
 * {@link TokenClaims}). {@link TestJwts} turns one into a MockMvc request's JWT, {@link JwtMinter} into a real
 * signed token.
 *
 * @param subject the user name or client id
 * @param roles the role names, e.g. {@code ORDERER}
 * @param customerId buyer roles: the customer they act for, else null
 * @param siteIds receivers: the sites they receive at
 * @param carrier carriers: their carrier code, else null
 * @param email people: their e-mail address (the auth-server then adds their name too), else null
 * @param locale people: their language, e.g. {@code fi}, else null
 */
public record TestCaller(String subject, List<String> roles, UUID customerId, List<UUID> siteIds, String carrier,
		String email, String locale) {

	public TestCaller {
		roles = List.copyOf(roles);
		siteIds = List.copyOf(siteIds);
	}

	/** A caller with these roles and no other claims. */
	public static TestCaller of(String subject, String... roles) {
		return new TestCaller(subject, List.of(roles), null, List.of(), null, null, null);
	}

	public static TestCaller orderer(String subject, UUID customerId) {
		return of(subject, Roles.ORDERER).withCustomer(customerId);
	}

	public static TestCaller agreementManager(String subject, UUID customerId) {
		return of(subject, Roles.AGREEMENT_MANAGER).withCustomer(customerId);
	}

	public static TestCaller receiver(String subject, UUID customerId, UUID... siteIds) {
		return of(subject, Roles.RECEIVER).withCustomer(customerId).withSites(List.of(siteIds));
	}

	public static TestCaller customerService(String subject) {
		return of(subject, Roles.CUSTOMER_SERVICE);
	}

	public static TestCaller admin(String subject) {
		return of(subject, Roles.ADMIN);
	}

	/** A carrier's client: the carrier code is its subject. */
	public static TestCaller carrier(String code) {
		return new TestCaller(code, List.of(Roles.CARRIER), null, List.of(), code, null, null);
	}

	public TestCaller withCustomer(UUID customerId) {
		return new TestCaller(this.subject, this.roles, customerId, this.siteIds, this.carrier, this.email, this.locale);
	}

	public TestCaller withSites(Collection<UUID> siteIds) {
		return new TestCaller(this.subject, this.roles, this.customerId, List.copyOf(siteIds), this.carrier, this.email,
				this.locale);
	}

	public TestCaller withEmail(String email) {
		return new TestCaller(this.subject, this.roles, this.customerId, this.siteIds, this.carrier, email, this.locale);
	}

	public TestCaller withLocale(String locale) {
		return new TestCaller(this.subject, this.roles, this.customerId, this.siteIds, this.carrier, this.email, locale);
	}

	/** The token's claims besides {@code sub} and the registered time and issuer claims, with the auth-server's names. */
	public Map<String, Object> claims() {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put(TokenClaims.ROLES, this.roles);
		if (this.customerId != null) {
			claims.put(TokenClaims.CUSTOMER_ID, this.customerId.toString());
		}
		if (!this.siteIds.isEmpty()) {
			claims.put(TokenClaims.SITE_IDS, this.siteIds.stream().map(UUID::toString).toList());
		}
		if (this.carrier != null) {
			claims.put(TokenClaims.CARRIER, this.carrier);
		}
		if (this.email != null) {
			claims.put(TokenClaims.EMAIL, this.email);
			claims.put(TokenClaims.NAME, this.subject);
		}
		if (this.locale != null) {
			claims.put(TokenClaims.LOCALE, this.locale);
		}
		return claims;
	}
}
