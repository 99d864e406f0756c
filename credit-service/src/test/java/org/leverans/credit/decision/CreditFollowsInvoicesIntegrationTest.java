package org.leverans.credit.decision;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.billing.InvoiceIssued;
import org.leverans.contracts.billing.InvoicedOrder;
import org.leverans.contracts.billing.PaymentReceived;
import org.leverans.contracts.validation.OrderValidated;
import org.leverans.credit.account.CreditAccount;
import org.leverans.credit.testing.CreditServiceIntegrationTest;
import org.leverans.testsupport.events.ReceivedEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CreditFollowsInvoicesIntegrationTest extends CreditServiceIntegrationTest {

	@Test
	void movesAnInvoicedOrderFromItsReservationToTheReceivableAndAPaymentFreesIt() {
		CreditAccount account = newAccount("1000.00");
		OrderValidated order = validated(account.customerId(), "431.00", "EUR");
		produce(order.orderId(), order);
		await().until(() -> exposure(account.customerId()).compareTo(new BigDecimal("431.00")) == 0);

		InvoiceIssued invoice = invoice(account.customerId(), order.orderId(), "431.00", "540.90", true, 10);
		produce(account.customerId(), invoice);

		await().until(() -> exposure(account.customerId()).compareTo(new BigDecimal("540.90")) == 0);
		assertThat(this.accounts.reservation(order.orderId()).orElseThrow().open()).isFalse();
		await().until(() -> creditEvents.typesReceived(order.orderId()).contains("leverans.credit.released.v1"));
		ReceivedEvent released = creditEvents.received(order.orderId())
			.stream()
			.filter(event -> event.type().equals("leverans.credit.released.v1"))
			.findFirst()
			.orElseThrow();
		assertThat(released.body().path("reason").asString()).isEqualTo("ORDER_INVOICED");

		produce(account.customerId(), payment(invoice, "300.00", "240.90"));
		await().until(() -> exposure(account.customerId()).compareTo(new BigDecimal("240.90")) == 0);
		produce(account.customerId(), payment(invoice, "240.90", "0.00"));
		await().until(() -> exposure(account.customerId()).signum() == 0);
	}

	@Test
	void movesOnlyTheInvoicedShareOfASplitOrderUntilItsLastInvoice() {
		CreditAccount account = newAccount("1000.00");
		OrderValidated order = validated(account.customerId(), "300.00", "EUR");
		produce(order.orderId(), order);
		await().until(() -> exposure(account.customerId()).compareTo(new BigDecimal("300.00")) == 0);

		InvoiceIssued first = invoice(account.customerId(), order.orderId(), "100.00", "125.50", false, 10);
		produce(account.customerId(), first);
		// a redelivery with another event id must not count the invoice twice
		produce(account.customerId(), first);
		await().until(() -> exposure(account.customerId()).compareTo(new BigDecimal("325.50")) == 0);
		assertThat(this.accounts.reservation(order.orderId()).orElseThrow().amount()).isEqualByComparingTo("200.00");

		produce(account.customerId(), invoice(account.customerId(), order.orderId(), "199.99", "250.99", true, 10));
		await().until(() -> exposure(account.customerId()).compareTo(new BigDecimal("376.49")) == 0);
		assertThat(this.accounts.reservation(order.orderId()).orElseThrow().open()).isFalse();
	}

	@Test
	void holdsNewOrdersForReviewWhileAnInvoiceIsUnpaidLongPastItsDueDate() {
		CreditAccount account = newAccount("100000.00");
		OrderValidated first = validated(account.customerId(), "100.00", "EUR");
		produce(first.orderId(), first);
		await().until(() -> exposure(account.customerId()).signum() > 0);
		produce(account.customerId(), invoice(account.customerId(), first.orderId(), "100.00", "125.50", true, -30));
		await().until(() -> exposure(account.customerId()).compareTo(new BigDecimal("125.50")) == 0);

		OrderValidated next = validated(account.customerId(), "10.00", "EUR");
		produce(next.orderId(), next);

		await().until(() -> creditEvents.typesReceived(next.orderId())
			.contains("leverans.credit.review-required.v1"));
		ReceivedEvent review = creditEvents.received(next.orderId()).get(0);
		assertThat(review.body().path("reasons").get(0).path("code").asString()).isEqualTo("OVERDUE_INVOICES");
	}

	private static InvoiceIssued invoice(UUID customerId, UUID orderId, String net, String total, boolean complete,
			int dueInDays) {
		BigDecimal netAmount = new BigDecimal(net);
		BigDecimal totalAmount = new BigDecimal(total);
		return new InvoiceIssued(UUID.randomUUID(), "2026-" + UUID.randomUUID().toString().substring(0, 6), customerId,
				List.of(new InvoicedOrder(orderId, orderNumberOf(orderId), netAmount, complete)), netAmount,
				totalAmount.subtract(netAmount), totalAmount, "EUR", LocalDate.now(),
				LocalDate.now().plusDays(dueInDays), "RF18539007547034", Instant.now());
	}

	private static PaymentReceived payment(InvoiceIssued invoice, String amount, String open) {
		return new PaymentReceived(UUID.randomUUID(), invoice.invoiceId(), invoice.invoiceNumber(),
				invoice.customerId(), new BigDecimal(amount), "EUR", new BigDecimal(open), LocalDate.now(),
				Instant.now());
	}
}
