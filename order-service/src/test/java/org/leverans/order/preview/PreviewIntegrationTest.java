package org.leverans.order.preview;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.order.OrderServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MvcResult;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The quick order preview: pasted or listed lines, priced by agreement-service's quote, nothing stored. */
class PreviewIntegrationTest extends OrderServiceIntegrationTest {

	private MvcResult preview(JwtRequestPostProcessor caller, String body) throws Exception {
		return this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/api/orders/preview")
			.with(caller)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andReturn();
	}

	private int orderCount() {
		return this.jdbc.queryForObject("SELECT count(*) FROM customer_order", Integer.class);
	}

	@Test
	void pastedLinesArePricedByLineNumberAndUnreadableLinesAreReportedWhereTheyAre() throws Exception {
		agreementStandIn.stubFor(post("/api/catalog/quote")
			.withRequestBody(matchingJsonPath("$.lines[?(@.sku == 'PLY-18MM')]"))
			.willReturn(okJson("""
					{"agreementNumber":"AG-2026-0001",
					 "lines":[{"lineNo":1,"sku":"CEM-25KG","name":"Cement 25 kg","quantity":40,"packageSize":"PALLET",
					           "siteId":"%1$s","listPrice":"9.90","unitPrice":"8.40","lineTotal":"336.00","problems":[]},
					          {"lineNo":2,"sku":"PLY-18MM","name":"Plywood 18 mm","quantity":12,"packageSize":"PALLET",
					           "siteId":"%1$s","listPrice":"30.00","unitPrice":"30.00","lineTotal":"360.00","problems":[]},
					          {"lineNo":4,"sku":"NOPE-1","quantity":3,"packageSize":"PALLET","siteId":"%1$s",
					           "problems":[{"code":"SKU_UNKNOWN","message":"Product NOPE-1 is not in the catalogue"}]}],
					 "totals":{"goods":"696.00","freight":"95.00","total":"791.00","currency":"EUR"},
					 "paymentDueDate":"2027-01-02","earliestDeliveryDate":"2026-11-24","problems":[],"orderable":false}"""
				.formatted(JATKASAARI))));
		int before = orderCount();

		MvcResult result = preview(anna(), """
				{"pastedLines":"CEM-25KG 40\\nply-18mm;12\\nCEM-25KG lots\\nNOPE-1\\t3\\n",
				 "defaultSiteId":"%s","defaultPackageSize":"PALLET","deliveryMode":"COMPLETE",
				 "requestedDelivery":{"date":"%s","from":"07:00","to":"09:00"}}"""
			.formatted(JATKASAARI, LocalDate.now().plusDays(10)));

		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		JsonNode preview = read(result);
		JsonNode lines = preview.get("lines");
		assertThat(lines).hasSize(4);
		assertThat(lines.get(0).get("lineNo").asInt()).isEqualTo(1);
		assertThat(lines.get(0).get("unitPrice").asString()).isEqualTo("8.40");
		assertThat(lines.get(0).get("lineTotal").asString()).isEqualTo("336.00");
		assertThat(lines.get(0).get("problems")).isEmpty();
		assertThat(lines.get(1).get("sku").asString()).isEqualTo("PLY-18MM");
		assertThat(lines.get(2).get("lineNo").asInt()).isEqualTo(3);
		assertThat(lines.get(2).get("problems").get(0).get("code").asString()).isEqualTo("QUANTITY_INVALID");
		assertThat(lines.get(2).has("unitPrice")).isFalse();
		assertThat(lines.get(3).get("lineNo").asInt()).isEqualTo(4);
		assertThat(lines.get(3).get("problems").get(0).get("code").asString()).isEqualTo("SKU_UNKNOWN");
		assertThat(preview.get("totals").get("total").asString()).isEqualTo("791.00");
		assertThat(preview.get("totals").get("currency").asString()).isEqualTo("EUR");
		assertThat(preview.get("paymentDueDate").asString()).isEqualTo("2027-01-02");
		assertThat(preview.get("problems")).isEmpty();
		assertThat(preview.get("orderable").asBoolean()).isFalse();
		// Only the readable lines were quoted, under their pasted line numbers, to the default site.
		agreementStandIn.verify(postRequestedFor(urlEqualTo("/api/catalog/quote")).withRequestBody(equalToJson("""
				{"deliveryMode":"COMPLETE","lines":[
				  {"lineNo":1,"sku":"CEM-25KG","quantity":40,"packageSize":"PALLET","siteId":"%1$s"},
				  {"lineNo":2,"sku":"PLY-18MM","quantity":12,"packageSize":"PALLET","siteId":"%1$s"},
				  {"lineNo":4,"sku":"NOPE-1","quantity":3,"packageSize":"PALLET","siteId":"%1$s"}]}"""
			.formatted(JATKASAARI), true, true)));
		assertThat(orderCount()).isEqualTo(before);
	}

	@Test
	void listedLinesAreNumberedFromOneAndAnOrderWithoutProblemsIsOrderable() throws Exception {
		agreementStandIn.stubFor(post("/api/catalog/quote")
			.withRequestBody(matchingJsonPath("$.lines[?(@.sku == 'SCREW-5x50')]"))
			.willReturn(okJson("""
					{"lines":[{"lineNo":1,"sku":"SCREW-5x50","quantity":5,"packageSize":"PARCEL","unitPrice":"12.00",
					           "lineTotal":"60.00","problems":[]}],
					 "totals":{"goods":"60.00","freight":"95.00","total":"155.00","currency":"EUR"},
					 "paymentDueDate":"2027-01-02","problems":[],"orderable":true}""")));

		MvcResult result = preview(token("liisa", RAKENNUS, List.of(), "AGREEMENT_MANAGER"), """
				{"lines":[{"sku":"SCREW-5x50","quantity":5,"packageSize":"PARCEL","siteId":"%s"}]}"""
			.formatted(PASILA));

		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		JsonNode preview = read(result);
		assertThat(preview.get("lines").get(0).get("lineNo").asInt()).isEqualTo(1);
		assertThat(preview.get("orderable").asBoolean()).isTrue();
	}

	@Test
	void withoutAgreementServiceThereAreNoPricesToShow() throws Exception {
		agreementStandIn.stubFor(post("/api/catalog/quote")
			.withRequestBody(matchingJsonPath("$.lines[?(@.sku == 'CEM-25KG')]"))
			.atPriority(1)
			.willReturn(serviceUnavailable()));

		MvcResult result = preview(anna(), """
				{"pastedLines":"CEM-25KG 40","defaultSiteId":"%s"}""".formatted(JATKASAARI));

		assertThat(result.getResponse().getStatus()).isEqualTo(503);
		assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
		assertThat(read(result).get("detail").asString()).contains("Prices are not available right now");
	}

	@Test
	void textThatCannotBeReadAtAllIsNotQuoted() throws Exception {
		MvcResult result = preview(anna(), """
				{"pastedLines":"hello there\\n\\n!!!","defaultSiteId":"%s"}""".formatted(JATKASAARI));

		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		JsonNode preview = read(result);
		assertThat(preview.get("lines")).hasSize(2);
		assertThat(preview.get("lines").get(1).get("lineNo").asInt()).isEqualTo(3);
		assertThat(preview.get("orderable").asBoolean()).isFalse();
		agreementStandIn.verify(0, postRequestedFor(urlEqualTo("/api/catalog/quote")));
	}

	@Test
	void aPreviewNeedsEitherLinesOrPastedTextWithASite() throws Exception {
		MvcResult neither = preview(anna(), "{\"deliveryMode\":\"COMPLETE\"}");
		MvcResult noSite = preview(anna(), "{\"pastedLines\":\"CEM-25KG 40\"}");
		MvcResult both = preview(anna(), """
				{"pastedLines":"CEM-25KG 40","lines":[],"defaultSiteId":"%s"}""".formatted(JATKASAARI));

		assertThat(neither.getResponse().getStatus()).isEqualTo(400);
		assertThat(read(neither).get("errors").get(0).get("field").asString()).isEqualTo("lines");
		assertThat(noSite.getResponse().getStatus()).isEqualTo(400);
		assertThat(read(noSite).get("errors").get(0).get("field").asString()).isEqualTo("defaultSiteId");
		assertThat(both.getResponse().getStatus()).isEqualTo(400);
		assertThat(read(both).get("errors").get(0).get("field").asString()).isEqualTo("pastedLines");
	}

	@Test
	void receiversCannotPreviewOrders() throws Exception {
		MvcResult result = preview(mikko(), """
				{"pastedLines":"CEM-25KG 40","defaultSiteId":"%s"}""".formatted(JATKASAARI));

		assertThat(result.getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void aReorderPreviewShowsTheEarlierLinesAtTodaysPricesWithoutPlacingAnything() throws Exception {
		UUID earlier = placeOrder(JATKASAARI, PASILA);
		agreementStandIn.stubFor(post("/api/catalog/quote")
			.withRequestBody(matchingJsonPath("$.lines[?(@.quantity == 41)]"))
			.atPriority(1)
			.willReturn(okJson("""
					{"lines":[{"lineNo":1,"sku":"CEM-25KG","quantity":40,"unitPrice":"8.40","lineTotal":"336.00","problems":[]},
					          {"lineNo":2,"sku":"CEM-25KG","quantity":41,"problems":[{"code":"SITE_NOT_IN_AGREEMENT",
					           "message":"Site is no longer in the agreement"}]}],
					 "totals":{"goods":"336.00","freight":"95.00","total":"431.00","currency":"EUR"},
					 "problems":[],"orderable":false}""")));
		int before = orderCount();

		MvcResult result = this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/api/orders/{id}/reorder", earlier)
			.param("preview", "true")
			.with(anna())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"purchaseOrderNumber\":\"PO-AGAIN\"}")).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		JsonNode preview = read(result);
		assertThat(preview.get("lines")).hasSize(2);
		assertThat(preview.get("lines").get(0).get("unitPrice").asString()).isEqualTo("8.40");
		assertThat(preview.get("lines").get(1).get("problems").get(0).get("code").asString())
			.isEqualTo("SITE_NOT_IN_AGREEMENT");
		assertThat(preview.get("orderable").asBoolean()).isFalse();
		assertThat(orderCount()).isEqualTo(before);
		// The earlier order's delivery mode is previewed unless the body names another.
		agreementStandIn.verify(postRequestedFor(urlEqualTo("/api/catalog/quote"))
			.withRequestBody(matchingJsonPath("$.deliveryMode", com.github.tomakehurst.wiremock.client.WireMock.equalTo("SPLIT_ALLOWED"))));
	}

	@Test
	void anotherCustomersOrderCannotBePreviewedForReorder() throws Exception {
		UUID annas = placeOrder(JATKASAARI);

		MvcResult result = this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/api/orders/{id}/reorder", annas)
			.param("preview", "true")
			.with(erik())).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(404);
	}
}
