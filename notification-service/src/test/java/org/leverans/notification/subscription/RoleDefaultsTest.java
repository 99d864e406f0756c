package org.leverans.notification.subscription;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoleDefaultsTest {

	@Test
	void orderersGetTheOutcomeOfTheirOrdersAndExceptionsAndReceiversTheirDeliveries() {
		assertThat(RoleDefaults.emailEvents(Set.of("ORDERER"))).containsExactlyInAnyOrder("order.confirmed",
				"order.rejected", "order.on-hold", "shipment.exception");
		assertThat(RoleDefaults.emailEvents(Set.of("RECEIVER"))).containsExactlyInAnyOrder("shipment.window-changed",
				"shipment.arriving", "shipment.delivered");
	}

	@Test
	void agreementManagersGetTheOrdersWaitingForTheirApprovalAndOverdueInvoiceReminders() {
		assertThat(RoleDefaults.emailEvents(Set.of("AGREEMENT_MANAGER"))).containsExactlyInAnyOrder(
				"order.awaiting-approval", "invoice.overdue");
	}

	@Test
	void peopleWhoSeeEverythingGetNoEmailUntilTheyChoose() {
		assertThat(RoleDefaults.emailEvents(Set.of("CUSTOMER_SERVICE"))).isEmpty();
		assertThat(RoleDefaults.emailEvents(Set.of("ADMIN"))).isEmpty();
		assertThat(RoleDefaults.emailEvents(Set.of("CARRIER"))).isEmpty();
	}
}
