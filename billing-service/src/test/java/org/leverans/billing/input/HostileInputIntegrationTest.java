package org.leverans.billing.input;

import java.net.URI;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.leverans.billing.invoicing.Invoice;
import org.leverans.billing.invoicing.Invoices;
import org.leverans.billing.testing.BillingServiceIntegrationTest;
import org.leverans.testsupport.hostile.HostileBodies;
import org.leverans.testsupport.hostile.HostileQueries;
import org.leverans.testsupport.hostile.HostileRequests;
import org.leverans.testsupport.hostile.StoredRows;
import org.leverans.testsupport.security.TestCaller;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every POST of billing-service, given hostile bodies generated from a valid one: never a 5xx, a problem on every
 * 4xx, and nothing stored when refused. What "stored" means is narrowed to the rows of the customer or payment under
 * test, so that invoicing of other tests' deliveries in the background cannot pass for a stored refusal.
 */
class HostileInputIntegrationTest extends BillingServiceIntegrationTest {

	private static final int TRIES = 40;

	@Autowired
	DataSource dataSource;

	@Autowired
	Invoices invoices;

	@Test
	void receivingAPaymentSurvivesHostileBodies() {
		String externalId = "bank-" + UUID.randomUUID();
		StoredRows rows = StoredRows.of(this.dataSource, "payment");
		HostileRequests.assertSafe(HostileBodies.of("""
				{"externalId":"%s","reference":"RF18539007547034","amount":"120.50","currency":"EUR",
				 "paidOn":"2026-12-01","payerName":"Rakennus Oy"}""".formatted(externalId)), TRIES,
				body -> this.mvc.perform(post("/api/admin/billing/payments").with(as(TestCaller.admin("supplier-erp")))
					.contentType(MediaType.APPLICATION_JSON)
					.content(body)),
				rows::fingerprint);
	}

	@Test
	void creditingLinesOfAnInvoiceSurvivesHostileBodies() {
		// enough units that the valid variants can credit one each without using the line up
		TestOrder order = newOrder("AG-1", "FI", "0.00", new Line("A", "CEMENT", 1000, "1.00"));
		accept(order);
		deliver(order, plan(order, 1, 1, 1000), 1);
		UUID invoiceId = awaitInvoices(order.customerId(), 1).get(0);
		StoredRows rows = StoredRows.of(this.dataSource, ofCustomer("invoice", order.customerId()),
				"(SELECT l.* FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id WHERE i.customer_id = '%s')"
					.formatted(order.customerId()));
		HostileRequests.assertSafe(HostileBodies.of("""
				{"reason":"Two bags arrived broken","lines":[{"lineNo":1,"quantity":1}]}"""), TRIES,
				body -> this.mvc.perform(post("/api/admin/billing/invoices/{id}/credit-notes", invoiceId)
					.with(as(TestCaller.admin("admin")))
					.contentType(MediaType.APPLICATION_JSON)
					.content(body)),
				rows::fingerprint);
	}

	@Test
	void runningAMonthsCollectiveInvoicingSurvivesHostileBodies() {
		// a month long before any test's deliveries: a valid run finds nothing to invoice
		StoredRows rows = StoredRows.of(this.dataSource, "number_series").counting("invoice");
		HostileRequests.assertSafe(HostileBodies.of("""
				{"month":"2019-03"}"""), TRIES,
				body -> this.mvc.perform(post("/api/admin/billing/collective-invoices")
					.with(as(TestCaller.admin("admin")))
					.contentType(MediaType.APPLICATION_JSON)
					.content(body)),
				rows::fingerprint);
	}

	@Test
	void allocatingAWaitingPaymentSurvivesHostileBodies() throws Exception {
		TestOrder order = newOrder("AG-1", "FI", "0.00", new Line("A", "CEMENT", 1, "100.00"));
		accept(order);
		deliver(order, plan(order, 1, 1, 1), 1);
		Invoice invoice = this.invoices.find(awaitInvoices(order.customerId(), 1).get(0)).orElseThrow();
		UUID paymentId = waitingPayment("10.00");
		StoredRows rows = StoredRows.of(this.dataSource, "(SELECT * FROM payment WHERE id = '%s')".formatted(paymentId),
				ofCustomer("invoice", order.customerId()));
		HostileRequests.assertSafe(HostileBodies.of("""
				{"invoiceNumber":"%s"}""".formatted(invoice.number())), TRIES,
				body -> this.mvc.perform(post("/api/support/billing/payments/{id}/allocation", paymentId)
					.with(as(TestCaller.customerService("sara")))
					.contentType(MediaType.APPLICATION_JSON)
					.content(body)),
				rows::fingerprint);
	}

	@Test
	void resolvingAWaitingPaymentSurvivesHostileBodies() throws Exception {
		UUID paymentId = waitingPayment("10.00");
		StoredRows rows = StoredRows.of(this.dataSource,
				"(SELECT * FROM payment WHERE id = '%s')".formatted(paymentId));
		HostileRequests.assertSafe(HostileBodies.of("""
				{"note":"Paid back to the payer's account"}"""), TRIES,
				body -> this.mvc.perform(post("/api/support/billing/payments/{id}/resolution", paymentId)
					.with(as(TestCaller.customerService("sara")))
					.contentType(MediaType.APPLICATION_JSON)
					.content(body)),
				rows::fingerprint);
	}

	@Test
	void invoiceHistorySurvivesHostileQueries() {
		UUID customerId = UUID.randomUUID();
		HostileRequests.assertSafeQueries(HostileQueries.of("status=OPEN&kind=INVOICE&from=2026-01-01&to=2026-12-31"
				+ "&order=LV-000001&purchaseOrderNumber=PO-1&siteId=" + UUID.randomUUID() + "&limit=50"), TRIES,
				query -> this.mvc.perform(get(URI.create("/api/invoices?" + query))
					.with(as(TestCaller.agreementManager("liisa", customerId)))));
	}

	/** A payment whose reference matches no invoice, waiting for customer service. */
	private UUID waitingPayment(String amount) throws Exception {
		String body = this.mvc.perform(post("/api/admin/billing/payments").with(as(TestCaller.admin("supplier-erp")))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"externalId":"bank-%s","reference":"RF18539007547034","amount":"%s","currency":"EUR",
					 "paidOn":"2026-12-01"}""".formatted(UUID.randomUUID(), amount)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(this.json.readTree(body).get("id").asString());
	}

	/** The rows of one customer only, as a table expression {@link StoredRows} can read. */
	private static String ofCustomer(String table, UUID customerId) {
		return "(SELECT * FROM %s WHERE customer_id = '%s')".formatted(table, customerId);
	}
}
