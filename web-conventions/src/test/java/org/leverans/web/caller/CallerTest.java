package org.leverans.web.caller;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.web.security.JwtRoles;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTest {

	private static final UUID RAKENNUS = UUID.fromString("11111111-1111-1111-1111-111111111111");

	private static final UUID BYGG = UUID.fromString("22222222-2222-2222-2222-222222222222");

	private static final UUID JATKASAARI = UUID.fromString("11111111-0000-0000-0000-000000000001");

	private static final UUID PASILA = UUID.fromString("11111111-0000-0000-0000-000000000002");

	@Test
	void rolesClaimBecomesRoleAuthorities() {
		Jwt jwt = jwt("anna", List.of("ORDERER"), RAKENNUS.toString(), null);

		var authorities = JwtRoles.converter().convert(jwt).getAuthorities();

		assertThat(authorities).extracting(GrantedAuthority::getAuthority)
			.contains("ROLE_ORDERER")
			.noneMatch(a -> a.startsWith("ROLE_") && !a.equals("ROLE_ORDERER"));
	}

	@Test
	void buyerSeesOnlyTheirOwnCustomersOrders() {
		Caller anna = Caller.of(jwt("anna", List.of("ORDERER"), RAKENNUS.toString(), null));

		assertThat(anna.maySee(RAKENNUS, Set.of(PASILA))).isTrue();
		assertThat(anna.maySee(BYGG, Set.of())).isFalse();
		assertThat(anna.mayOrderFor(RAKENNUS)).isTrue();
		assertThat(anna.mayOrderFor(BYGG)).isFalse();
	}

	@Test
	void receiverSeesOrdersWithALineForOneOfTheirSites() {
		Caller mikko = Caller.of(jwt("mikko", List.of("RECEIVER"), RAKENNUS.toString(), List.of(JATKASAARI.toString())));

		assertThat(mikko.maySee(RAKENNUS, Set.of(JATKASAARI, PASILA))).isTrue();
		assertThat(mikko.maySee(RAKENNUS, Set.of(PASILA))).isFalse();
		assertThat(mikko.mayOrderFor(RAKENNUS)).isFalse();
	}

	@Test
	void customerServiceSeesEveryCustomerButCannotOrder() {
		Caller sara = Caller.of(jwt("sara", List.of("CUSTOMER_SERVICE"), null, null));

		assertThat(sara.maySee(BYGG, Set.of())).isTrue();
		assertThat(sara.mayOrderFor(BYGG)).isFalse();
	}

	@Test
	void malformedCustomerIdGrantsNothing() {
		Caller odd = Caller.of(jwt("odd", List.of("ORDERER"), "not-a-uuid", null));

		assertThat(odd.customerId()).isNull();
		assertThat(odd.maySee(RAKENNUS, Set.of())).isFalse();
	}

	private static Jwt jwt(String subject, List<String> roles, String customerId, List<String> siteIds) {
		Jwt.Builder builder = Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.subject(subject)
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(60))
			.claim("roles", roles);
		if (customerId != null) {
			builder.claim("customer_id", customerId);
		}
		if (siteIds != null) {
			builder.claim("site_ids", siteIds);
		}
		return builder.build();
	}
}
