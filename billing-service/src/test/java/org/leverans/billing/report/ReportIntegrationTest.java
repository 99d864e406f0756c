package org.leverans.billing.report;

import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.billing.testing.BillingServiceIntegrationTest;
import org.leverans.testsupport.hostile.HostileQueries;
import org.leverans.testsupport.hostile.HostileRequests;
import org.leverans.testsupport.security.TestCaller;

import org.springframework.http.MediaType;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ReportIntegrationTest extends BillingServiceIntegrationTest {

	static final ZoneId BILLING_ZONE = ZoneId.of("Europe/Helsinki");

	@Test
	void sumsSpendByMonthAndProductGroupNetOfVatWithCreditNotesTakenOff() throws Exception {
		Invoiced invoiced = invoicedAndPartlyCredited();
		TestCaller manager = TestCaller.agreementManager("maria", invoiced.order().customerId());
		String thisMonth = YearMonth.now(BILLING_ZONE).toString();

		// 3 x 10.00 cement and 50.00 of steel invoiced, one bag of cement credited: 70.00 net
		this.mvc.perform(get("/api/reports/spend").with(as(manager)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.by").value("month"))
			.andExpect(jsonPath("$.to").value(thisMonth))
			.andExpect(jsonPath("$.rows", hasSize(12)))
			.andExpect(jsonPath("$.rows[11].key").value(thisMonth))
			.andExpect(jsonPath("$.rows[11].net").value("70.00"))
			.andExpect(jsonPath("$.rows[11].currency").value("EUR"))
			.andExpect(jsonPath("$.rows[0].net").value("0.00"));
		this.mvc.perform(get("/api/reports/spend?by=group").with(as(manager)))
			.andExpect(jsonPath("$.rows[?(@.key == 'CEMENT')].net", contains("20.00")))
			.andExpect(jsonPath("$.rows[?(@.key == 'STEEL')].net", contains("50.00")));
		this.mvc.perform(get("/api/reports/spend?by=month&group=STEEL&from={m}&to={m}", thisMonth, thisMonth)
			.with(as(manager)))
			.andExpect(jsonPath("$.rows", hasSize(1)))
			.andExpect(jsonPath("$.rows[0].net").value("50.00"));
		this.mvc.perform(get("/api/reports/spend?siteId={site}", invoiced.order().siteId()).with(as(manager)))
			.andExpect(jsonPath("$.rows[11].net").value("70.00"));
		this.mvc.perform(get("/api/reports/spend?siteId={site}", UUID.randomUUID()).with(as(manager)))
			.andExpect(jsonPath("$.rows", hasSize(0)));
		this.mvc.perform(get("/api/reports/spend?from=2001-01&to=2001-12").with(as(manager)))
			.andExpect(jsonPath("$.rows", hasSize(0)));
	}

	@Test
	void tellsOpenAmountsFromOverdueOnesByHowLongPastDue() throws Exception {
		Invoiced invoiced = invoicedAndPartlyCredited();
		TestCaller manager = TestCaller.agreementManager("maria", invoiced.order().customerId());

		// 80.00 + 25.5 % VAT = 100.40 invoiced, 12.55 credited
		this.mvc.perform(get("/api/reports/receivables").with(as(manager)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows[?(@.age == 'NOT_DUE')].open", contains("87.85")))
			.andExpect(jsonPath("$.rows[?(@.age == 'NOT_DUE')].invoices", contains(1)))
			.andExpect(jsonPath("$.rows[?(@.age == 'OVERDUE_31_60')].open", contains("0.00")))
			.andExpect(jsonPath("$.totals[0].open").value("87.85"))
			.andExpect(jsonPath("$.totals[0].overdue").value("0.00"));

		this.jdbc.update("UPDATE invoice SET due_date = ? WHERE id = ?", LocalDate.now(BILLING_ZONE).minusDays(40),
				invoiced.invoiceId());
		this.mvc.perform(get("/api/reports/receivables").with(as(manager)))
			.andExpect(jsonPath("$.rows[?(@.age == 'NOT_DUE')].open", contains("0.00")))
			.andExpect(jsonPath("$.rows[?(@.age == 'OVERDUE_31_60')].open", contains("87.85")))
			.andExpect(jsonPath("$.totals[0].overdue").value("87.85"));
		this.mvc.perform(get("/api/reports/receivables?siteId={site}", UUID.randomUUID()).with(as(manager)))
			.andExpect(jsonPath("$.rows", hasSize(0)));
	}

	@Test
	void showsAnAgreementManagerTheirOwnCompanysFiguresOnlyWhateverCustomerTheyName() throws Exception {
		Invoiced invoiced = invoicedAndPartlyCredited();
		UUID customerId = invoiced.order().customerId();
		TestCaller otherManager = TestCaller.agreementManager("olli", UUID.randomUUID());

		for (String report : new String[] { "spend", "spend?by=group", "receivables" }) {
			String separator = report.contains("?") ? "&" : "?";
			this.mvc.perform(get("/api/reports/" + report + separator + "customerId=" + customerId)
				.with(as(otherManager)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.rows", hasSize(0)));
			this.mvc.perform(get("/api/reports/" + report + separator + "customerId=" + customerId)
				.with(as(TestCaller.customerService("sara"))))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.rows.length()").value(org.hamcrest.Matchers.greaterThan(0)));
			this.mvc.perform(get("/api/reports/" + report).with(as(TestCaller.orderer("anna", customerId))))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.type").value("urn:leverans:problem:forbidden"));
			this.mvc.perform(get("/api/reports/" + report)
				.with(as(TestCaller.receiver("mikko", customerId, invoiced.order().siteId()))))
				.andExpect(status().isForbidden());
		}
	}

	@Test
	void refusesBadParametersAsAProblem() throws Exception {
		TestCaller manager = TestCaller.agreementManager("maria", UUID.randomUUID());

		for (String query : new String[] { "spend?from=2026-13", "spend?from=2026-05&to=2026-01", "spend?by=week",
				"spend?format=xml", "spend?from=2020-01&to=2026-01", "spend?siteId=not-an-id", "spend?groop=CEMENT",
				"spend?group=" + "G".repeat(41), "receivables?group=CEMENT", "receivables?to=yesterday" }) {
			this.mvc.perform(get("/api/reports/" + query).with(as(manager)))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.status").value(400));
		}
	}

	@Test
	void survivesHostileQueries() {
		TestCaller manager = TestCaller.agreementManager("maria", UUID.randomUUID());
		HostileRequests.assertSafeQueries(HostileQueries.of("by=group&from=2026-01&to=2026-12&siteId="
				+ UUID.randomUUID() + "&group=CEMENT&format=csv"), 40,
				query -> this.mvc.perform(get(URI.create("/api/reports/spend?" + query)).with(as(manager))));
		HostileRequests.assertSafeQueries(HostileQueries.of("from=2026-01&to=2026-12&siteId=" + UUID.randomUUID()),
				40, query -> this.mvc.perform(get(URI.create("/api/reports/receivables?" + query)).with(as(manager))));
	}

	@Test
	void downloadsEachReportAsCsvWithAHeaderRow() throws Exception {
		Invoiced invoiced = invoicedAndPartlyCredited();
		TestCaller manager = TestCaller.agreementManager("maria", invoiced.order().customerId());

		this.mvc.perform(get("/api/reports/spend?by=group&format=csv").with(as(manager)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(header().string("Content-Disposition", startsWith("attachment; filename=\"spend-by-group-")))
			.andExpect(content().string(startsWith("key,currency,net\n")))
			.andExpect(content().string(containsString("\nCEMENT,EUR,20.00\n")));
		this.mvc.perform(get("/api/reports/receivables?format=csv").with(as(manager)))
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(header().string("Content-Disposition", startsWith("attachment;")))
			.andExpect(content().string(startsWith("age,currency,invoices,open\n")))
			.andExpect(content().string(containsString("\nNOT_DUE,EUR,1,87.85\n")));
	}

	/** 3 x 10.00 of cement and 50.00 of steel invoiced, then one bag of cement credited. */
	private Invoiced invoicedAndPartlyCredited() throws Exception {
		TestOrder order = newOrder("AG-1", "FI", "0.00", new Line("A", "CEMENT", 3, "10.00"),
				new Line("B", "STEEL", 1, "50.00"));
		accept(order);
		deliver(order, plan(order, 1, 1, 3, 2, 1), 1);
		UUID invoiceId = awaitInvoices(order.customerId(), 1).get(0);
		this.mvc.perform(post("/api/admin/billing/invoices/{id}/credit-notes", invoiceId)
			.with(as(TestCaller.admin("admin")))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"One bag broken\",\"lines\":[{\"lineNo\":1,\"quantity\":1}]}"))
			.andExpect(status().isCreated());
		return new Invoiced(order, invoiceId);
	}

	record Invoiced(TestOrder order, UUID invoiceId) {
	}
}
