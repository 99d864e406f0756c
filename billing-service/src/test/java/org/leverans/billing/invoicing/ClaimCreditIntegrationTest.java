package org.leverans.billing.invoicing;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.billing.testing.BillingServiceIntegrationTest;
import org.leverans.contracts.claim.ClaimAccepted;
import org.leverans.contracts.claim.ClaimedLine;
import org.leverans.testsupport.events.EventProducer;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ClaimCreditIntegrationTest extends BillingServiceIntegrationTest {

	@Autowired
	private Invoices invoices;

	@Autowired
	private Invoicing invoicing;

	@Test
	void creditsTheClaimedGoodsOfAnAcceptedClaimOnceEvenWhenTheEventComesTwice() {
		TestOrder order = newOrder("AG-1", "FI", "0.00", new Line("A", "CEMENT", 10, "20.00"));
		accept(order);
		UUID shipment = plan(order, 1, 1, 10);
		deliver(order, shipment, 1);
		UUID invoiceId = awaitInvoices(order.customerId(), 1).get(0);
		ClaimAccepted accepted = accepted(order, shipment, 3);

		new EventProducer(this.json).publish(order.orderId(), accepted, "claim-accepted-" + accepted.claimId());
		new EventProducer(this.json).publish(order.orderId(), accepted, "claim-accepted-" + accepted.claimId());

		await().until(() -> this.jdbc.queryForObject("SELECT count(*) FROM claim_credit "
				+ "WHERE claim_id = ? AND credit_note_id IS NOT NULL", Integer.class, accepted.claimId()) == 1);
		UUID noteId = this.jdbc.queryForObject("SELECT credit_note_id FROM claim_credit WHERE claim_id = ?",
				UUID.class, accepted.claimId());
		Invoice note = this.invoices.find(noteId).orElseThrow();
		assertThat(note.net()).isEqualByComparingTo("60.00");
		assertThat(note.reason()).startsWith("Claim CL-000042 on order LV-000042 accepted");
		await().during(java.time.Duration.ofMillis(500)).until(() -> this.jdbc.queryForObject(
				"SELECT count(*) FROM invoice WHERE credits_invoice_id = ?", Integer.class, invoiceId) == 1);
		assertThat(this.invoices.find(invoiceId).orElseThrow().credited()).isEqualByComparingTo(note.total());
	}

	@Test
	void aClaimOnAMonthlyAgreementIsCreditedWhenTheMonthsInvoiceIsIssued() {
		TestOrder order = newOrder("AG-1", "FI", "0.00", new Line("A", "CEMENT", 4, "25.00")).monthly();
		accept(order);
		YearMonth lastMonth = YearMonth.now(ZoneId.of("Europe/Helsinki")).minusMonths(1);
		UUID shipment = plan(order, 1, 1, 4);
		deliver(order, shipment, 1, lastMonth.atDay(15).atStartOfDay(ZoneId.of("Europe/Helsinki")).toInstant());
		ClaimAccepted accepted = accepted(order, shipment, 1);
		new EventProducer(this.json).publish(order.orderId(), accepted);
		await().until(() -> this.jdbc.queryForObject("SELECT count(*) FROM claim_credit WHERE claim_id = ?",
				Integer.class, accepted.claimId()) == 1);
		assertThat(this.jdbc.queryForObject("SELECT credit_note_id FROM claim_credit WHERE claim_id = ?", UUID.class,
				accepted.claimId())).as("nothing invoiced yet, nothing to credit").isNull();

		await().until(() -> this.jdbc.queryForObject("""
				SELECT count(*) FROM billed_shipment WHERE order_id = ? AND delivered_at IS NOT NULL""", Integer.class,
				order.orderId()) == 1);
		List<Invoice> run = this.invoicing.invoiceMonth(lastMonth);

		Invoice collective = run.stream().filter(i -> i.customerId().equals(order.customerId())).findFirst()
			.orElseThrow();
		assertThat(this.jdbc.queryForObject("SELECT credit_note_id FROM claim_credit WHERE claim_id = ?", UUID.class,
				accepted.claimId())).isNotNull();
		assertThat(this.invoices.find(collective.id()).orElseThrow().credited()).isPositive();
	}

	private static ClaimAccepted accepted(TestOrder order, UUID shipment, int quantity) {
		return new ClaimAccepted(UUID.randomUUID(), "CL-000042", order.orderId(), "LV-000042", order.customerId(),
				shipment, "CREDIT", List.of(new ClaimedLine(1, "A", quantity)), null, null, "Pallet crushed", "sara",
				Instant.now());
	}
}
