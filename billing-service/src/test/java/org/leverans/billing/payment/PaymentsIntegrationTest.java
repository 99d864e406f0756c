package org.leverans.billing.payment;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.billing.invoicing.Invoice;
import org.leverans.billing.invoicing.Invoices;
import org.leverans.billing.testing.BillingServiceIntegrationTest;
import org.leverans.testsupport.security.TestCaller;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class PaymentsIntegrationTest extends BillingServiceIntegrationTest {

	private static final TestCaller ERP = TestCaller.admin("supplier-erp");

	@Autowired
	Invoices invoices;

	@Test
	void appliesAPaymentByItsReferenceAndPublishesWhatRemainsOpen() throws Exception {
		Invoice invoice = anInvoice("100.00");

		pay(invoice.reference(), "50.00", "bank-1-" + invoice.id(), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPLIED"))
			.andExpect(jsonPath("$.invoiceNumber").value(invoice.number()));
		assertThat(this.invoices.find(invoice.id()).orElseThrow().status()).isEqualTo(Invoice.Status.PARTIALLY_PAID);

		pay(spaced(invoice.reference()), "75.50", "bank-2-" + invoice.id(), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPLIED"))
			.andExpect(jsonPath("$.applied").value("75.50"))
			.andExpect(jsonPath("$.unapplied").value("0.00"));
		// 100.00 + 25.5 % VAT is 125.50: 50.00 + 75.50 pays it exactly
		Invoice paid = this.invoices.find(invoice.id()).orElseThrow();
		assertThat(paid.status()).isEqualTo(Invoice.Status.PAID);
		assertThat(paid.open()).isEqualByComparingTo("0");
	}

	@Test
	void keepsTheExcessOfAnOverpaymentForCustomerServiceAndAnUnknownReferenceWhole() throws Exception {
		Invoice invoice = anInvoice("100.00");

		pay(invoice.reference(), "130.00", "bank-over-" + invoice.id(), null)
			.andExpect(jsonPath("$.status").value("OVERPAID"))
			.andExpect(jsonPath("$.applied").value("125.50"))
			.andExpect(jsonPath("$.unapplied").value("4.50"));
		String unknown = "unknown-" + invoice.id();
		pay("RF18539007547034", "10.00", unknown, null).andExpect(jsonPath("$.status").value("UNMATCHED"));

		this.mvc.perform(get("/api/support/billing/payments").with(as(TestCaller.customerService("sara"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.externalId == 'bank-over-%s')].unapplied".formatted(invoice.id()))
				.value("4.50"))
			.andExpect(jsonPath("$[?(@.externalId == '%s')].status".formatted(unknown)).value("UNMATCHED"));
	}

	@Test
	void customerServiceAppliesAnUnmatchedPaymentToTheInvoiceItNames() throws Exception {
		Invoice invoice = anInvoice("100.00");
		String body = pay("invoice " + invoice.number(), "125.50", "bank-typo-" + invoice.id(), null)
			.andExpect(jsonPath("$.status").value("UNMATCHED"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String paymentId = this.json.readTree(body).get("id").asString();

		this.mvc.perform(post("/api/support/billing/payments/{id}/allocation", paymentId)
			.with(as(TestCaller.customerService("sara")))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"invoiceNumber\":\"" + invoice.number() + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPLIED"));

		assertThat(this.invoices.find(invoice.id()).orElseThrow().status()).isEqualTo(Invoice.Status.PAID);
	}

	@Test
	void recordsTheSamePaymentOnceWhenItIsSentAgain() throws Exception {
		Invoice invoice = anInvoice("100.00");
		pay(invoice.reference(), "20.00", "bank-again-" + invoice.id(), null).andExpect(status().isOk());
		pay(invoice.reference(), "20.00", "bank-again-" + invoice.id(), null).andExpect(status().isOk());

		assertThat(this.invoices.find(invoice.id()).orElseThrow().paid()).isEqualByComparingTo("20.00");
	}

	@Test
	void refusesAPaymentForAnotherCustomersInvoiceAndStoresNothing() throws Exception {
		Invoice invoice = anInvoice("100.00");

		pay(invoice.reference(), "125.50", "bank-other-" + invoice.id(), UUID.randomUUID())
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:leverans:problem:invalid-request"))
			.andExpect(jsonPath("$.errors[0].code").value("OTHER_CUSTOMERS_INVOICE"));

		assertThat(count("SELECT count(*) FROM payment WHERE external_id = ?", "bank-other-" + invoice.id())).isZero();
		assertThat(this.invoices.find(invoice.id()).orElseThrow().paid()).isEqualByComparingTo("0");
	}

	@Test
	void refusesAPaymentWithoutAmountOrWithAnUnknownField() throws Exception {
		this.mvc.perform(post("/api/admin/billing/payments").with(as(ERP))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"externalId\":\"x\",\"reference\":\"RF18539007547034\",\"currency\":\"EUR\","
					+ "\"paidOn\":\"2026-12-01\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("amount"));
		this.mvc.perform(post("/api/admin/billing/payments").with(as(ERP))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"externalId\":\"x\",\"reference\":\"RF18539007547034\",\"amount\":\"1.00\","
					+ "\"currency\":\"EUR\",\"paidOn\":\"2026-12-01\",\"bonus\":true}"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(post("/api/admin/billing/payments").with(as(TestCaller.orderer("anna", UUID.randomUUID())))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}"))
			.andExpect(status().isForbidden());
		assertThat(count("SELECT count(*) FROM payment WHERE external_id = ?", "x")).isZero();
	}

	@Test
	void readsTheCreditEntriesOfACamt054FileAndMatchesThem() throws Exception {
		Invoice first = anInvoice("100.00");
		Invoice second = anInvoice("10.00");
		String file = camt054(List.of(new Entry("CRDT", first.reference(), "125.50", "A-" + first.id()),
				new Entry("DBIT", first.reference(), "999.00", "D-" + first.id()),
				new Entry("CRDT", second.reference(), "5.00", "B-" + second.id())));

		this.mvc.perform(post("/api/admin/billing/payments/camt054").with(as(ERP))
			.contentType(MediaType.APPLICATION_XML)
			.content(file))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.payments.length()").value(2))
			.andExpect(jsonPath("$.payments[0].source").value("CAMT054"))
			.andExpect(jsonPath("$.payments[0].payerName").value("Rakennus Oy"));

		assertThat(this.invoices.find(first.id()).orElseThrow().status()).isEqualTo(Invoice.Status.PAID);
		assertThat(this.invoices.find(second.id()).orElseThrow().paid()).isEqualByComparingTo("5.00");
	}

	@Test
	void refusesAMalformedCamt054FileWholeAndStoresNothing() throws Exception {
		Invoice invoice = anInvoice("100.00");
		String missingAmount = camt054(List.of(new Entry("CRDT", invoice.reference(), "125.50", "OK-" + invoice.id()),
				new Entry("CRDT", invoice.reference(), "", "BAD-" + invoice.id())));

		this.mvc.perform(post("/api/admin/billing/payments/camt054").with(as(ERP))
			.contentType(MediaType.APPLICATION_XML)
			.content(missingAmount))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].line").value(2));
		this.mvc.perform(post("/api/admin/billing/payments/camt054").with(as(ERP))
			.contentType(MediaType.APPLICATION_XML)
			.content("<Document><not-closed>"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"));
		this.mvc.perform(post("/api/admin/billing/payments/camt054").with(as(ERP))
			.contentType(MediaType.APPLICATION_XML)
			.content("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><d>&x;</d>"))
			.andExpect(status().isBadRequest());

		assertThat(count("SELECT count(*) FROM payment WHERE external_id = ?", "OK-" + invoice.id())).isZero();
		assertThat(this.invoices.find(invoice.id()).orElseThrow().paid()).isEqualByComparingTo("0");
	}

	private Invoice anInvoice(String goods) {
		TestOrder order = newOrder("AG-1", "FI", "0.00", new Line("A", "CEMENT", 1, goods));
		accept(order);
		deliver(order, plan(order, 1, 1, 1), 1);
		return this.invoices.find(awaitInvoices(order.customerId(), 1).get(0)).orElseThrow();
	}

	private org.springframework.test.web.servlet.ResultActions pay(String reference, String amount, String externalId,
			UUID customerId) throws Exception {
		String customer = (customerId != null) ? ",\"customerId\":\"" + customerId + "\"" : "";
		return this.mvc.perform(post("/api/admin/billing/payments").with(as(ERP))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"externalId\":\"%s\",\"reference\":\"%s\",\"amount\":\"%s\",\"currency\":\"EUR\",\"paidOn\":\"2026-12-01\"%s}"
				.formatted(externalId, reference, amount, customer)));
	}

	private int count(String sql, Object... args) {
		return this.jdbc.queryForObject(sql, Integer.class, args);
	}

	private static String spaced(String reference) {
		return reference.replaceAll("(.{4})", "$1 ").strip().toLowerCase(java.util.Locale.ROOT);
	}

	record Entry(String direction, String reference, String amount, String bankId) {
	}

	/** A camt.054.001.02 notification as Finnish banks send it, one transaction per entry. */
	static String camt054(List<Entry> entries) {
		StringBuilder ntry = new StringBuilder();
		for (Entry entry : entries) {
			String amount = entry.amount().isEmpty() ? "" : "<Amt Ccy=\"EUR\">" + entry.amount() + "</Amt>";
			ntry.append("""
					<Ntry>%s<CdtDbtInd>%s</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-12-01</Dt></BookgDt>
					<ValDt><Dt>2026-12-01</Dt></ValDt><AcctSvcrRef>%s</AcctSvcrRef>
					<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
					<NtryDtls><TxDtls><Refs><AcctSvcrRef>%s</AcctSvcrRef></Refs>
					<AmtDtls><TxAmt>%s</TxAmt></AmtDtls>
					<RltdPties><Dbtr><Nm>Rakennus Oy</Nm></Dbtr></RltdPties>
					<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>%s</Ref></CdtrRefInf></Strd></RmtInf>
					</TxDtls></NtryDtls></Ntry>""".formatted(amount, entry.direction(), entry.bankId(), entry.bankId(),
					amount, entry.reference()));
		}
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02">
				<BkToCstmrDbtCdtNtfctn><GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2026-12-01T08:00:00</CreDtTm></GrpHdr>
				<Ntfctn><Id>N-1</Id><CreDtTm>2026-12-01T08:00:00</CreDtTm>
				<Acct><Id><IBAN>FI2112345600000785</IBAN></Id></Acct>
				%s
				</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>""".formatted(ntry);
	}
}
