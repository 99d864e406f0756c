package org.leverans.e2e;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After delivery, through the gateway: the delivered order is invoiced at its agreed prices with Finnish VAT, its
 * credit moves from the reservation to the unpaid invoice, the supplier's ERP reports the payment by the invoice's
 * RF reference, and the customer's available credit is back where it was before the order. The order's timeline
 * shows the invoice and its payments, and customer service finds the order by the invoice's number.
 */
class InvoiceToPaymentIT extends PlatformSpec {

	static final String RAKENNUS = "11111111-1111-1111-1111-111111111111";

	static final String BYGG = "22222222-2222-2222-2222-222222222222";

	static final String JATKASAARI = "11111111-0000-0000-0000-000000000001";

	static Api rakennusErp;

	static Api supplierErp;

	static Api supportDesk;

	@BeforeAll
	static void connectClients() {
		rakennusErp = leverans.client("rakennus-erp");
		supplierErp = leverans.client("supplier-erp");
		supportDesk = leverans.client("support-desk");
	}

	@Test
	void anOrderDeliveredInvoicedAndPaidGivesTheCustomerItsCreditBack() {
		BigDecimal availableBefore = settledAvailableCredit();

		String orderId = deliveredOrder("PO-E2E-INV-1");
		JsonNode invoice = awaitInvoice(orderId);
		assertThat(invoice.get("net").asString()).isEqualTo("431.00");
		assertThat(invoice.get("vat").asString()).isEqualTo("109.90");
		assertThat(invoice.get("total").asString()).isEqualTo("540.90");
		assertThat(invoice.get("status").asString()).isEqualTo("OPEN");
		String invoiceId = invoice.get("id").asString();
		String reference = invoice.get("reference").asString();
		// the reservation of 431.00 gave way to the unpaid invoice of 540.90
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(availableCredit())
				.isEqualByComparingTo(availableBefore.subtract(new BigDecimal("540.90"))));

		Api.Response pdf = send(rakennusErp, "/api/invoices/" + invoiceId + "/pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.body()).startsWith("%PDF-");
		Api.Response eInvoice = send(rakennusErp, "/api/invoices/" + invoiceId + "/e-invoice");
		assertThat(eInvoice.status()).isEqualTo(200);
		assertThat(eInvoice.body()).contains("<cbc:PaymentID>" + reference + "</cbc:PaymentID>");

		Api.Response partly = pay(reference, "200.00", null);
		assertThat(partly.status()).as(partly.toString()).isEqualTo(200);
		Api.Response rest = pay(reference, "340.90", null);
		assertThat(rest.status()).as(rest.toString()).isEqualTo(200);
		assertThat(rest.json().get("status").asString()).isEqualTo("APPLIED");

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(rakennusErp.get("/api/invoices/" + invoiceId).json()
				.at("/invoice/status")
				.asString()).isEqualTo("PAID"));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(availableCredit()).isEqualByComparingTo(availableBefore));

		String number = invoice.get("number").asString();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode invoicing = rakennusErp.get("/api/orders/" + orderId).json().get("invoicing");
			assertThat(invoicing.valueStream().map(entry -> entry.get("type").asString()).toList())
				.containsExactly("InvoiceIssued", "InvoicePartlyPaid", "InvoicePaid");
		});
		JsonNode invoiced = rakennusErp.get("/api/orders/" + orderId).json().get("invoicing").get(0).get("invoice");
		assertThat(invoiced.get("invoiceId").asString()).isEqualTo(invoiceId);
		assertThat(invoiced.get("invoiceNumber").asString()).isEqualTo(number);
		assertThat(invoiced.get("amount").asString()).isEqualTo("540.90");
		assertThat(invoiced.get("dueDate").asString()).isEqualTo(invoice.get("dueDate").asString());

		Api.Response timeline = supportDesk.get("/api/support/orders/" + orderId + "/timeline");
		assertThat(timeline.status()).as(timeline.toString()).isEqualTo(200);
		List<JsonNode> billed = timeline.json().get("events").valueStream()
			.filter(event -> event.hasNonNull("invoice"))
			.toList();
		assertThat(billed).extracting(event -> event.get("type").asString())
			.containsExactly("InvoiceIssued", "InvoicePartlyPaid", "InvoicePaid");
		assertThat(billed).extracting(event -> event.at("/invoice/invoiceNumber").asString()).containsOnly(number);
		assertThat(billed.get(1).at("/invoice/openAmount").asString()).isEqualTo("340.90");
		assertThat(billed.get(2).at("/invoice/openAmount").asString()).isEqualTo("0.00");

		Api.Response found = supportDesk.get("/api/support/orders?q=" + number);
		assertThat(found.status()).as(found.toString()).isEqualTo(200);
		assertThat(found.json().get("items").valueStream().map(item -> item.get("id").asString()).toList())
			.containsExactly(orderId);
	}

	@Test
	void badBillingInputIsAProblemAndStoresNothing() {
		String orderId = deliveredOrder("PO-E2E-INV-2");
		JsonNode invoice = awaitInvoice(orderId);
		String invoiceId = invoice.get("id").asString();

		Api.Response unknown = rakennusErp.get("/api/invoices/" + UUID.randomUUID());
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.header("content-type")).startsWith("application/problem+json");
		assertThat(leverans.client("bygg-erp").get("/api/invoices/" + invoiceId).status()).isEqualTo(404);

		Api.Response someoneElses = pay(invoice.get("reference").asString(), invoice.get("total").asString(), BYGG);
		assertThat(someoneElses.status()).as(someoneElses.toString()).isEqualTo(400);
		assertThat(someoneElses.body()).contains("OTHER_CUSTOMERS_INVOICE");

		Api.Response malformed = send(supplierErp, HttpRequest.newBuilder(gateway.resolve(
				"/api/admin/billing/payments/camt054"))
			.header("Content-Type", "application/xml")
			.POST(HttpRequest.BodyPublishers.ofString("<Document><BkToCstmrDbtCdtNtfctn>")));
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.header("content-type")).startsWith("application/problem+json");

		Api.Response notAdmin = rakennusErp.post("/api/admin/billing/payments", Map.of("externalId", "x"));
		assertThat(notAdmin.status()).isEqualTo(403);

		JsonNode unchanged = rakennusErp.get("/api/invoices/" + invoiceId).json();
		assertThat(unchanged.at("/invoice/status").asString()).isEqualTo("OPEN");
		assertThat(unchanged.get("payments")).isEmpty();
	}

	private static Api.Response pay(String reference, String amount, String customerId) {
		Map<String, Object> payment = new java.util.LinkedHashMap<>();
		payment.put("externalId", "e2e-" + UUID.randomUUID());
		payment.put("reference", reference);
		payment.put("amount", amount);
		payment.put("currency", "EUR");
		payment.put("paidOn", java.time.LocalDate.now().toString());
		if (customerId != null) {
			payment.put("customerId", customerId);
		}
		return supplierErp.post("/api/admin/billing/payments", payment);
	}

	/** The order placed, accepted, planned, picked up and delivered; its id. */
	private static String deliveredOrder(String purchaseOrderNumber) {
		Api.Response placed = rakennusErp.post("/api/orders",
				OrderToDeliveryIT.order(purchaseOrderNumber + "-" + UUID.randomUUID().toString().substring(0, 8),
						"CEM-25KG", 40, JATKASAARI),
				Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(placed.status()).as(placed.toString()).isEqualTo(202);
		String orderId = placed.json().get("id").asString();
		JsonNode[] shipments = new JsonNode[1];
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
			JsonNode order = rakennusErp.get("/api/orders/" + orderId).json();
			assertThat(order.get("status").asString()).as(order.toString()).isEqualTo("ACCEPTED");
			shipments[0] = order.get("shipments");
			assertThat(shipments[0]).isNotEmpty();
		});
		String trackingNumber = shipments[0].get(0).get("trackingNumber").asString();
		Instant now = Instant.now();
		Api.Response reported = leverans.client("nordic-freight").post("/api/partner/v1/shipment-events",
				Map.of("events", List.of(
						OrderToDeliveryIT.partnerEvent("nf-" + UUID.randomUUID(), trackingNumber, "PICKED_UP",
								now.minusSeconds(60), null),
						OrderToDeliveryIT.partnerEvent("nf-" + UUID.randomUUID(), trackingNumber, "DELIVERED", now,
								null))));
		assertThat(reported.status()).as(reported.toString()).isEqualTo(202);
		return orderId;
	}

	private static JsonNode awaitInvoice(String orderId) {
		JsonNode[] found = new JsonNode[1];
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
			JsonNode list = rakennusErp.get("/api/invoices?order=" + orderId).json();
			assertThat(list.get("items")).as(list.toString()).hasSize(1);
			found[0] = list.get("items").get(0);
		});
		return found[0];
	}

	/** Rakennus's available credit once earlier specs' orders have stopped moving it. */
	private static BigDecimal settledAvailableCredit() {
		BigDecimal[] last = { availableCredit() };
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
			BigDecimal now = availableCredit();
			boolean settled = now.compareTo(last[0]) == 0;
			last[0] = now;
			return settled;
		});
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30))
			.until(() -> availableCredit().compareTo(last[0]) == 0);
		return last[0];
	}

	private static BigDecimal availableCredit() {
		Api.Response account = supplierErp.get("/api/admin/credit-accounts/" + RAKENNUS);
		assertThat(account.status()).as(account.toString()).isEqualTo(200);
		return new BigDecimal(account.json().get("available").asString());
	}

	private static Api.Response send(Api api, String path) {
		return send(api, HttpRequest.newBuilder(gateway.resolve(path)).GET());
	}

	private static Api.Response send(Api api, HttpRequest.Builder request) {
		return Api.send(request.header("Authorization", "Bearer " + api.token()).timeout(Duration.ofSeconds(30))
			.build());
	}
}
