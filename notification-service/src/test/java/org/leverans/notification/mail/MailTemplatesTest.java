package org.leverans.notification.mail;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leverans.contracts.validation.PaymentTerms;
import org.leverans.contracts.validation.PricedLine;
import org.leverans.contracts.validation.Totals;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class MailTemplatesTest {

	private static final String DATA = """
			{"orderId":"8f1c2d3e-0000-0000-0000-000000000001","orderNumber":"LV-000123","status":"OUT_FOR_DELIVERY",
			 "trackingNumber":"NF0000000042","window":{"from":"2026-12-03T05:00:00Z","to":"2026-12-03T07:00:00Z"},
			 "arrivesInMinutes":30,"reasons":[{"code":"CREDIT_DECLINED","message":"Over the limit"}]}""";

	private final MailTemplates templates = new MailTemplates(JsonMapper.builder().build(),
			new MailSettings(true, "Leverans <no-reply@leverans.example>", Duration.ofSeconds(5), 5,
					Duration.ofSeconds(30), ZoneId.of("Europe/Helsinki"), "https://leverans.example/"));

	@ParameterizedTest
	@ValueSource(strings = { "en", "fi", "sv" })
	void everyEventHasAnEmailInEveryLanguage(String language) {
		for (String event : List.of("order.status-changed", "shipment.updated", "shipment.window-changed",
				"shipment.arriving", "shipment.delivered")) {
			MailMessage mail = this.templates.render(event, DATA, language);
			assertThat(mail.subject()).contains("LV-000123").doesNotContain("{").doesNotContain("status.");
			assertThat(mail.body()).contains("LV-000123").doesNotContain("{");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "fi", "sv" })
	void anOrderWaitingForApprovalAsksTheAgreementManagerToDecideAndSaysWhichLimit(String language) {
		String data = """
				{"orderId":"8f1c2d3e-0000-0000-0000-000000000001","orderNumber":"LV-000124","status":"AWAITING_APPROVAL",
				 "reasons":[{"code":"ORDER_LIMIT_EXCEEDED","message":"10080.00 EUR is above the order limit"}]}""";
		MailMessage mail = this.templates.render("order.status-changed", data, language);
		assertThat(mail.subject()).contains("LV-000124").doesNotContain("{");
		assertThat(mail.body()).contains("LV-000124", "10080.00 EUR is above the order limit");
	}

	@Test
	void theApprovalEmailSpeaksToTheManager() {
		MailMessage mail = this.templates.render("order.status-changed",
				"{\"orderNumber\":\"LV-000124\",\"status\":\"AWAITING_APPROVAL\"}", "en");
		assertThat(mail.subject()).isEqualTo("Order LV-000124 waits for your approval");
		assertThat(mail.body()).startsWith("Order LV-000124 is above a spending limit");
	}

	@Test
	void writesTimesInTheReadersZoneAndLanguage() {
		assertThat(this.templates.render("shipment.arriving", DATA, "sv").subject())
			.isEqualTo("Order LV-000123 anländer om cirka 30 minuter");
		// 05:00 UTC is 06:00 in Stockholm and 07:00 in Helsinki.
		assertThat(this.templates.render("shipment.arriving", DATA, "sv").body()).contains("06:00");
		assertThat(this.templates.render("shipment.arriving", DATA, "fi").body()).contains("7.00");
		assertThat(this.templates.render("shipment.updated", DATA, "en").subject())
			.isEqualTo("Order LV-000123: shipment out for delivery");
	}

	@Test
	void anArrivalAlertSaysWhenItsWindowIsWiderThanUsualInTheReadersLanguage() {
		String wider = withConfidence(
				"{\"kind\":\"CALIBRATED\",\"samples\":212,\"coverage\":0.95,\"usualWidthMinutes\":120}");

		assertThat(this.templates.render("shipment.arriving", wider, "en").body())
			.contains("Please be ready to receive it.\n\nThis window is wider than the usual 120 minutes: this "
					+ "carrier\u2019s arrivals scatter more than that this close to delivery.\n");
		assertThat(this.templates.render("shipment.arriving", wider, "fi").body())
			.contains("\n\nAikaväli on leveämpi kuin tavallinen 120 minuuttia: tämän kuljetusliikkeen saapumisajat "
					+ "vaihtelevat näin lähellä toimitusta enemmän.\n");
		assertThat(this.templates.render("shipment.arriving", wider, "sv").body())
			.contains("\n\nTidsfönstret är bredare än de vanliga 120 minuterna: transportörens ankomster sprider sig "
					+ "mer än så här nära leveransen.\n");
	}

	@Test
	void aNewWindowWiderThanUsualSaysSoAsTheArrivalAlertDoes() {
		String wider = withConfidence(
				"{\"kind\":\"CALIBRATED\",\"samples\":212,\"coverage\":0.95,\"usualWidthMinutes\":60}");
		String keepsThePromise = withConfidence("{\"kind\":\"CALIBRATED\",\"samples\":212,\"coverage\":0.95}");

		assertThat(this.templates.render("shipment.window-changed", wider, "en").body())
			.startsWith("Shipment NF0000000042 of order LV-000123 is now expected between")
			.contains(".\n\nThis window is wider than the usual 60 minutes: this carrier\u2019s arrivals scatter more "
					+ "than that this close to delivery.\n");
		assertThat(this.templates.render("shipment.window-changed", keepsThePromise, "en").body())
			.doesNotContain("wider");
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "fi", "sv" })
	void anArrivalAlertOfAWindowKeepingThePromiseOrClaimingNothingSaysNothingOfItsWidth(String language) {
		String plain = this.templates.render("shipment.arriving", DATA, language).body();
		String keepsThePromise = withConfidence("{\"kind\":\"CALIBRATED\",\"samples\":212,\"coverage\":0.95}");
		String wider = withConfidence("{\"kind\":\"POOLED\",\"samples\":9,\"coverage\":0.9,\"usualWidthMinutes\":60}");

		assertThat(this.templates.render("shipment.arriving", keepsThePromise, language).body()).isEqualTo(plain);
		assertThat(this.templates.render("shipment.arriving", wider, language).body()).isNotEqualTo(plain)
			.contains(" 60 ");
	}

	/** The test data with a confidence in its window. */
	private static String withConfidence(String confidence) {
		return DATA.replace("\"to\":\"2026-12-03T07:00:00Z\"",
				"\"to\":\"2026-12-03T07:00:00Z\",\"confidence\":" + confidence);
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "fi", "sv" })
	void remindsOfAnOverdueInvoiceWithItsNumberAmountAndDueDateInEveryLanguage(String language) {
		String overdue = """
				{"invoiceId":"8f1c2d3e-0000-0000-0000-000000000002","invoiceNumber":"INV-2026-000042",
				 "openAmount":1234.5,"currency":"EUR","dueDate":"2026-11-20","daysOverdue":8}""";

		MailMessage mail = this.templates.render("invoice.overdue", overdue, language);

		assertThat(mail.subject()).contains("INV-2026-000042", "8").doesNotContain("{");
		assertThat(mail.body()).contains("INV-2026-000042", "EUR").doesNotContain("{");
	}

	@Test
	void writesAnOverdueInvoicesAmountAndDueDateAsTheReaderDoes() {
		String overdue = """
				{"invoiceNumber":"INV-2026-000042","openAmount":1234.5,"currency":"EUR","dueDate":"2026-11-20",
				 "daysOverdue":8}""";

		assertThat(this.templates.render("invoice.overdue", overdue, "en").body())
			.contains("was due on Nov 20, 2026 and 1,234.50 EUR of it is still unpaid");
		assertThat(this.templates.render("invoice.overdue", overdue, "fi").subject())
			.isEqualTo("Muistutus: lasku INV-2026-000042 on 8 päivää erääntynyt");
		// Finnish groups thousands with a (no-break) space and writes a decimal comma
		assertThat(this.templates.render("invoice.overdue", overdue, "fi").body()).contains("234,50 EUR")
			.contains("20.11.2026");
	}

	@Test
	void unknownLanguagesGetEnglish() {
		assertThat(this.templates.render("shipment.delivered", DATA, "de-DE").subject())
			.isEqualTo("Order LV-000123: shipment delivered");
		assertThat(this.templates.render("shipment.delivered", DATA, null).subject())
			.isEqualTo("Order LV-000123: shipment delivered");
	}

	@Test
	void confirmationListsEveryLineWithTermsInSwedishAndOnlyForAcceptedOrders() {
		String accepted = DATA.replace("OUT_FOR_DELIVERY", "ACCEPTED");
		OrderConfirmation confirmation = new OrderConfirmation(
				List.of(new PricedLine(1, "TILE-30", "Klinker 30x30", "TILES", "BOX", 12, null, null,
						new BigDecimal("31.00"), new BigDecimal("29.50"), new BigDecimal("354.00"), null)),
				new Totals(new BigDecimal("354.00"), new BigDecimal("0.00"), new BigDecimal("354.00"), "SEK"),
				new PaymentTerms("NET_14", 14, LocalDate.parse("2026-12-06")), "COLLECT");

		String body = this.templates
			.render("order.status-changed", accepted, "sv", orderId -> Optional.of(confirmation))
			.body()
			.replace('\u00a0', ' ');
		assertThat(body).contains("Orderrader:")
			.contains("- 12 kartonger Klinker 30x30 (TILE-30) à 29,50 SEK: 354,00 SEK")
			.contains("Frakt: 0,00 SEK")
			.contains("Totalt: 354,00 SEK")
			.contains("Betalningsvillkor: 14 dagar netto, förfallodag")
			.contains("Fraktvillkor: kunden hämtar");
		// A status change other than the confirmation says nothing about prices.
		assertThat(this.templates.render("order.status-changed", DATA, "sv", orderId -> Optional.of(confirmation))
			.body()).doesNotContain("Orderrader");
	}

	private static final String CLAIM = """
			{"claimId":"8f1c2d3e-0000-0000-0000-0000000000c1","claimNumber":"CL-000007",
			 "orderId":"8f1c2d3e-0000-0000-0000-000000000001","orderNumber":"LV-000123","status":"%s",
			 "reason":"DAMAGED"%s}""";

	@ParameterizedTest
	@ValueSource(strings = { "en", "fi", "sv" })
	void aClaimsEveryStepHasAnEmailInEveryLanguage(String language) {
		MailMessage filed = this.templates.render("claim.updated", CLAIM.formatted("OPEN", ""), language);
		MailMessage credited = this.templates.render("claim.updated",
				CLAIM.formatted("ACCEPTED", ",\"remedy\":\"CREDIT\""), language);
		MailMessage replaced = this.templates.render("claim.updated", CLAIM.formatted("ACCEPTED",
				",\"remedy\":\"REPLACEMENT\",\"replacementOrderNumber\":\"LV-000200\""), language);
		MailMessage rejected = this.templates.render("claim.updated",
				CLAIM.formatted("REJECTED", ",\"note\":\"Photos show no damage\""), language);

		for (MailMessage mail : List.of(filed, credited, replaced, rejected)) {
			assertThat(mail.subject()).contains("CL-000007").doesNotContain("{").doesNotContain("claim.");
			assertThat(mail.body()).contains("CL-000007", "LV-000123").doesNotContain("{").doesNotContain("claim-");
		}
		assertThat(List.of(filed, credited, replaced, rejected)).extracting(MailMessage::subject)
			.doesNotHaveDuplicates();
		assertThat(replaced.subject()).contains("LV-000200");
		assertThat(replaced.body()).contains("LV-000200");
		assertThat(credited.body()).doesNotContain("LV-000200");
		assertThat(rejected.body()).contains("Photos show no damage");
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "fi", "sv" })
	void aReorderReminderNamesTheProductTheSiteAndLinksToThePricedPreviewInEveryLanguage(String language) {
		String data = """
				{"siteId":"11111111-0000-0000-0000-000000000001","siteName":"Site Jätkäsaari","sku":"GYP-13",
				 "name":"Gypsum board 13 mm","quantity":30,"packageSize":"PALLET","everyDays":7,
				 "lastOrdered":"2026-11-29","dueOn":"2026-12-06",
				 "preview":"/buyer/quick-order.html?sku=GYP-13&quantity=30&package=PALLET&site=x&preview=1"}""";

		MailMessage mail = this.templates.render("reorder.due", data, language);

		assertThat(mail.subject()).contains("Gypsum board 13 mm", "Site Jätkäsaari").doesNotContain("{");
		assertThat(mail.body()).contains("30 × Gypsum board 13 mm (GYP-13)",
				"https://leverans.example/buyer/quick-order.html?sku=GYP-13&quantity=30&package=PALLET&site=x&preview=1")
			.doesNotContain("{");
	}

	@Test
	void aFiledClaimIsAcknowledgedNamingTheClaimTheOrderAndWhatItIsAbout() {
		MailMessage english = this.templates.render("claim.updated", CLAIM.formatted("OPEN", ""), "en");
		assertThat(english.subject()).isEqualTo("We received your claim CL-000007 about order LV-000123");
		assertThat(english.body())
			.startsWith("We received your claim CL-000007 about order LV-000123 (damaged goods).");
		MailMessage finnish = this.templates.render("claim.updated", CLAIM.formatted("OPEN", ""), "fi");
		assertThat(finnish.subject()).isEqualTo("Olemme vastaanottaneet reklamaatiosi CL-000007 tilauksesta LV-000123");
		assertThat(finnish.body()).contains("koskee tilausta LV-000123 (vaurioituneet tuotteet)");
	}

	@Test
	void anAcceptedClaimNamesItsRemedyAndCustomerServicesNote() {
		MailMessage replaced = this.templates.render("claim.updated", CLAIM.formatted("ACCEPTED",
				",\"remedy\":\"REPLACEMENT\",\"replacementOrderNumber\":\"LV-000200\","
						+ "\"note\":\"Sent with tomorrow's first truck\""), "sv");
		assertThat(replaced.subject()).isEqualTo("Reklamation CL-000007 godkänd: ersättningsorder LV-000200");
		assertThat(replaced.body()).contains("ersättningsorder LV-000200")
			.contains("Meddelande från kundtjänst: Sent with tomorrow's first truck");
		MailMessage credited = this.templates.render("claim.updated",
				CLAIM.formatted("ACCEPTED", ",\"remedy\":\"CREDIT\""), "en");
		assertThat(credited.subject()).isEqualTo("Claim CL-000007 accepted: the goods will be credited");
		assertThat(credited.body()).doesNotContain("Note from customer service");
	}

	@Test
	void aRejectedClaimSaysWhyAndAClaimOfUnknownReasonLeavesTheBracketsOut() {
		String rejected = CLAIM.formatted("REJECTED", ",\"note\":\"Toimitus kuitattiin ilman huomautuksia\"")
			.replace("\"reason\":\"DAMAGED\"", "\"reason\":null");
		MailMessage mail = this.templates.render("claim.updated", rejected, "fi");
		assertThat(mail.subject()).isEqualTo("Reklamaatio CL-000007 hylätty");
		assertThat(mail.body()).contains("koskee tilausta LV-000123, on hylätty.")
			.contains("Perustelu: Toimitus kuitattiin ilman huomautuksia");
	}
}
