package org.leverans.order.invoices;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.billing.CreditNoteIssued;
import org.leverans.contracts.billing.InvoiceIssued;
import org.leverans.contracts.billing.InvoicedOrder;
import org.leverans.contracts.billing.PaymentReceived;
import org.leverans.order.OrderServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** billing-service's invoices, credit notes and payments in the timeline of the orders they concern. */
class InvoiceTimelineIntegrationTest extends OrderServiceIntegrationTest {

	private static final LocalDate DUE = LocalDate.of(2027, 1, 15);

	@Test
	void anInvoiceItsCreditNoteAndItsPaymentsEachAppearOnceInTheOrdersTimeline() throws Exception {
		UUID orderId = placeOrder(JATKASAARI);
		accept(orderId, JATKASAARI);
		String number = invoiceNumber();
		InvoiceIssued issued = invoice(number, orderId);
		String eventId = send(RAKENNUS, issued);
		send(RAKENNUS, eventId, issued);
		send(RAKENNUS, new CreditNoteIssued(UUID.randomUUID(), "CN-" + number, issued.invoiceId(), number, RAKENNUS,
				new BigDecimal("8.00"), new BigDecimal("2.04"), new BigDecimal("10.04"), "EUR",
				new BigDecimal("530.87"), "One bag broken", Instant.now()));
		send(RAKENNUS, payment(issued, "500.00", "30.87"));
		send(RAKENNUS, payment(issued, "30.87", "0.00"));

		// One partition for the customer: once the last is applied, so are the ones before it.
		awaitTimeline(orderId, "InvoicePaid", 1);
		assertThat(timelineCount(orderId, "InvoiceIssued")).as("the redelivered InvoiceIssued").isEqualTo(1);
		assertThat(timelineCount(orderId, "CreditNoteIssued")).isEqualTo(1);
		assertThat(timelineCount(orderId, "InvoicePartlyPaid")).isEqualTo(1);

		JsonNode invoicing = getOrder(orderId, anna()).get("invoicing");
		assertThat(invoicing.valueStream().map(entry -> entry.get("type").asString()).toList())
			.containsExactly("InvoiceIssued", "CreditNoteIssued", "InvoicePartlyPaid", "InvoicePaid");
		JsonNode invoiced = invoicing.get(0).get("invoice");
		assertThat(invoiced.get("invoiceId").asString()).isEqualTo(issued.invoiceId().toString());
		assertThat(invoiced.get("invoiceNumber").asString()).isEqualTo(number);
		assertThat(invoiced.get("amount").asString()).isEqualTo("540.91");
		assertThat(invoiced.get("currency").asString()).isEqualTo("EUR");
		assertThat(invoiced.get("dueDate").asString()).isEqualTo(DUE.toString());
		assertThat(invoicing.get(1).get("invoice").get("creditNoteNumber").asString()).isEqualTo("CN-" + number);
		assertThat(invoicing.get(2).get("invoice").get("openAmount").asString()).isEqualTo("30.87");
		assertThat(invoicing.get(3).get("invoice").get("openAmount").asString()).isEqualTo("0.00");

		JsonNode events = read(this.mvc.perform(get("/api/support/orders/{id}/timeline", orderId).with(sara()))
			.andReturn()).get("events");
		JsonNode entry = events.valueStream()
			.filter(e -> "InvoiceIssued".equals(e.get("type").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(entry.get("summary").asString()).contains(number, "540.91 EUR", "due " + DUE);
		assertThat(entry.get("invoice").get("invoiceNumber").asString()).isEqualTo(number);
		assertThat(entry.get("eventId").asString()).isEqualTo(eventId);
	}

	@Test
	void customerServiceFindsTheOrdersOfACollectiveInvoiceByItsNumber() throws Exception {
		UUID first = placeOrder(JATKASAARI);
		UUID second = placeOrder(PASILA);
		UUID other = placeOrder(JATKASAARI);
		String number = invoiceNumber();
		send(RAKENNUS, invoice(number, first, second));
		send(RAKENNUS, invoice(invoiceNumber(), other));
		awaitTimeline(first, "InvoiceIssued", 1);
		awaitTimeline(second, "InvoiceIssued", 1);

		JsonNode found = read(this.mvc.perform(get("/api/support/orders").param("q", number.toLowerCase())
			.with(sara())).andReturn());

		assertThat(found.get("items").valueStream().map(item -> item.get("id").asString()).toList())
			.containsExactlyInAnyOrder(first.toString(), second.toString());
		assertThat(getOrder(first, anna()).get("invoicing").get(0).get("invoice").get("invoiceNumber").asString())
			.isEqualTo(number);
	}

	private static InvoiceIssued invoice(String number, UUID... orderIds) {
		List<InvoicedOrder> orders = Arrays.stream(orderIds)
			.map(id -> new InvoicedOrder(id, null, new BigDecimal("431.00"), true))
			.toList();
		return new InvoiceIssued(UUID.randomUUID(), number, RAKENNUS, orders, new BigDecimal("431.00"),
				new BigDecimal("109.91"), new BigDecimal("540.91"), "EUR", LocalDate.of(2026, 12, 1), DUE,
				"RF18" + number.replaceAll("\\D", ""), Instant.now());
	}

	private static PaymentReceived payment(InvoiceIssued invoice, String amount, String open) {
		return new PaymentReceived(UUID.randomUUID(), invoice.invoiceId(), invoice.invoiceNumber(), RAKENNUS,
				new BigDecimal(amount), "EUR", new BigDecimal(open), LocalDate.now(), Instant.now());
	}

	private static String invoiceNumber() {
		return "T2026-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}
}
