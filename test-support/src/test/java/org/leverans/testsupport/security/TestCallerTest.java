package org.leverans.testsupport.security;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.testsupport.DemoIds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class TestCallerTest {

	@Test
	void aReceiverCarriesItsCustomerAndSitesUnderTheAuthServersClaimNames() {
		assertThat(TestCaller.receiver("mikko", DemoIds.RAKENNUS, DemoIds.JATKASAARI).claims()).containsExactly(
				entry("roles", List.of("RECEIVER")), entry("customer_id", DemoIds.RAKENNUS.toString()),
				entry("site_ids", List.of(DemoIds.JATKASAARI.toString())));
	}

	@Test
	void aCarrierIsItsOwnSubjectAndNamesItsCarrier() {
		TestCaller carrier = TestCaller.carrier("nordic-freight");
		assertThat(carrier.subject()).isEqualTo("nordic-freight");
		assertThat(carrier.claims()).containsEntry("carrier", "nordic-freight").doesNotContainKey("customer_id");
	}

	@Test
	void aPersonWithAnEmailAddressIsNamedToo() {
		assertThat(TestCaller.orderer("anna", UUID.randomUUID()).withEmail("anna@example.com").withLocale("fi").claims())
			.containsEntry("email", "anna@example.com")
			.containsEntry("name", "anna")
			.containsEntry("locale", "fi");
	}

	@Test
	void aCallerOfNoCustomerHasNoCustomerClaim() {
		assertThat(TestCaller.of("sara", "CUSTOMER_SERVICE").withCustomer(null).claims())
			.containsOnlyKeys("roles");
	}
}
