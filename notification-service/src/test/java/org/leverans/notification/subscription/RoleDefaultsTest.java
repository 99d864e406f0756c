package org.leverans.notification.subscription;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoleDefaultsTest {

	@Test
	void orderersGetTheOutcomeOfTheirOrdersAndExceptionsAndReceiversTheirDeliveries() {
		assertThat(RoleDefaults.emailEvents(Set.of("ORDERER"))).containsExactlyInAnyOrder("order.confirmed",
				"order.rejected", "order.on-hold", "shipment.exception", "claim.updated");
		assertThat(RoleDefaults.emailEvents(Set.of("RECEIVER"))).containsExactlyInAnyOrder("shipment.window-changed",
				"shipment.arriving", "shipment.delivered", "claim.updated");
	}

	@Test
	void agreementManagersGetTheOrdersWaitingForTheirApprovalAndOverdueInvoiceReminders() {
		assertThat(RoleDefaults.emailEvents(Set.of("AGREEMENT_MANAGER"))).containsExactlyInAnyOrder(
				"order.awaiting-approval", "invoice.overdue", "claim.updated");
	}

	@Test
	void everyBuyerRoleFollowsItsCompanysClaimsAndSoDoesASiteUntilItChooses() {
		for (String role : List.of("ORDERER", "AGREEMENT_MANAGER", "RECEIVER")) {
			assertThat(RoleDefaults.emailEvents(Set.of(role))).as(role).contains("claim.updated");
		}
		assertThat(RoleDefaults.receiverEvents()).contains("claim.updated");
		assertThat(RoleDefaults.CHOOSABLE).contains("claim.updated");
	}

	@Test
	void peopleWhoSeeEverythingGetNoEmailUntilTheyChoose() {
		assertThat(RoleDefaults.emailEvents(Set.of("CUSTOMER_SERVICE"))).isEmpty();
		assertThat(RoleDefaults.emailEvents(Set.of("ADMIN"))).isEmpty();
		assertThat(RoleDefaults.emailEvents(Set.of("CARRIER"))).isEmpty();
	}
}
