package org.leverans.billing.history;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.billing.testing.BillingServiceIntegrationTest;
import org.leverans.testsupport.security.TestCaller;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class InvoiceHistoryIntegrationTest extends BillingServiceIntegrationTest {

	@Test
	void agreementManagersSeeTheCompanysInvoicesFilteredByOrderPurchaseOrderSiteStatusAndDates() throws Exception {
		TestOrder order = invoicedOrder();
		TestCaller manager = TestCaller.agreementManager("maria", order.customerId());
		String number = order.accepted().orderNumber();

		this.mvc.perform(get("/api/invoices").with(as(manager)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].total").value("125.50"))
			.andExpect(jsonPath("$.items[0].status").value("OPEN"))
			.andExpect(jsonPath("$.items[0].orderNumbers[0]").value(number))
			.andExpect(jsonPath("$.items[0].reference").value(startsWith("RF")));
		for (String filter : new String[] { "order=" + number, "purchaseOrderNumber=PO-" + number,
				"siteId=" + order.siteId(), "status=OPEN", "from=2000-01-01&to=2999-12-31" }) {
			this.mvc.perform(get("/api/invoices?" + filter).with(as(manager)))
				.andExpect(result -> assertThat(result.getResponse().getContentAsString()).as(filter)
					.contains("\"total\":1"));
		}
		for (String filter : new String[] { "order=LV-NOPE", "purchaseOrderNumber=PO-NOPE",
				"siteId=" + UUID.randomUUID(), "status=PAID", "to=2000-01-01" }) {
			this.mvc.perform(get("/api/invoices?" + filter).with(as(manager)))
				.andExpect(jsonPath("$.total").value(0));
		}
	}

	@Test
	void orderersSeeTheInvoicesOfTheirOwnOrdersOnly() throws Exception {
		TestOrder order = invoicedOrder();

		this.mvc.perform(get("/api/invoices").with(as(TestCaller.orderer("anna", order.customerId()))))
			.andExpect(jsonPath("$.total").value(1));
		this.mvc.perform(get("/api/invoices").with(as(TestCaller.orderer("ville", order.customerId()))))
			.andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void answersAnInvoiceOfAnotherCustomerOrAnUnknownOneAsNotFound() throws Exception {
		TestOrder order = invoicedOrder();
		UUID invoiceId = invoiceIds(order.customerId()).get(0);

		this.mvc.perform(get("/api/invoices/{id}", invoiceId)
			.with(as(TestCaller.agreementManager("olli", UUID.randomUUID()))))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("urn:leverans:problem:not-found"));
		this.mvc.perform(get("/api/invoices/{id}/pdf", UUID.randomUUID())
			.with(as(TestCaller.agreementManager("maria", order.customerId()))))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/invoices/{id}", "not-an-id")
			.with(as(TestCaller.agreementManager("maria", order.customerId()))))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/invoices").with(as(TestCaller.receiver("mikko", order.customerId(), order.siteId()))))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/invoices?status=LOST").with(as(TestCaller.customerService("sara"))))
			.andExpect(status().isBadRequest());
	}

	@Test
	void refusesARoleInvoicesAreNotForWhetherTheInvoiceExistsOrNot() throws Exception {
		TestOrder order = invoicedOrder();
		UUID invoiceId = invoiceIds(order.customerId()).get(0);
		TestCaller receiver = TestCaller.receiver("mikko", order.customerId(), order.siteId());

		for (UUID id : List.of(invoiceId, UUID.randomUUID())) {
			this.mvc.perform(get("/api/invoices/{id}", id).with(as(receiver)))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.type").value("urn:leverans:problem:forbidden"));
			this.mvc.perform(get("/api/invoices/{id}/pdf", id).with(as(receiver))).andExpect(status().isForbidden());
			this.mvc.perform(get("/api/invoices/{id}/e-invoice", id).with(as(receiver)))
				.andExpect(status().isForbidden());
		}
	}

	@Test
	void servesTheInvoiceWithItsLinesItsPdfInTheCustomersLanguageAndItsEInvoice() throws Exception {
		TestOrder order = invoicedOrder();
		UUID invoiceId = invoiceIds(order.customerId()).get(0);
		TestCaller manager = TestCaller.agreementManager("maria", order.customerId());

		this.mvc.perform(get("/api/invoices/{id}", invoiceId).with(as(manager)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lines[0].net").value("100.00"))
			.andExpect(jsonPath("$.vat[0].rate").value("25.5"))
			.andExpect(jsonPath("$.language").value("fi"));
		this.mvc.perform(get("/api/invoices/{id}/pdf", invoiceId).with(as(manager)))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andExpect(header().string("Content-Language", "fi"));
		this.mvc.perform(get("/api/invoices/{id}/pdf?lang=sv", invoiceId).with(as(manager)))
			.andExpect(header().string("Content-Language", "sv"));
		this.mvc.perform(get("/api/invoices/{id}/e-invoice", invoiceId).with(as(manager)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_XML));
	}

	private TestOrder invoicedOrder() {
		TestOrder order = newOrder("AG-1", "FI", "0.00", new Line("A", "CEMENT", 1, "100.00"));
		accept(order);
		deliver(order, plan(order, 1, 1, 1), 1);
		awaitInvoices(order.customerId(), 1);
		return order;
	}
}
