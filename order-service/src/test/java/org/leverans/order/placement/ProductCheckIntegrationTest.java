package org.leverans.order.placement;

import java.time.LocalDate;
import java.util.UUID;

import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;
import org.leverans.order.OrderServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Placement refuses unknown product codes at once when agreement-service can tell, and never waits on it. It asks
 * only which codes are unknown, never for a quote: the validation prices the order.
 */
class ProductCheckIntegrationTest extends OrderServiceIntegrationTest {

	private static String twoLineOrder(String po, String secondSku) {
		return """
				{"purchaseOrderNumber":"%s","deliveryMode":"COMPLETE",
				 "requestedDelivery":{"date":"%s","from":"07:00","to":"09:00"},
				 "lines":[{"sku":"CEM-25KG","quantity":40,"packageSize":"PALLET","siteId":"%s"},
				          {"sku":"%s","quantity":3,"packageSize":"PALLET","siteId":"%s"}]}"""
			.formatted(po, LocalDate.now().plusDays(10), JATKASAARI, secondSku, JATKASAARI);
	}

	private static void catalogueDoesNotKnow(String sku) {
		agreementStandIn.stubFor(post("/api/catalog/codes")
			.withRequestBody(matchingJsonPath("$.skus[?(@ == '" + sku + "')]"))
			.willReturn(okJson("{\"unknown\":[\"" + sku + "\"]}")));
	}

	private int ordersWithPo(String po) {
		return this.jdbc.queryForObject("SELECT count(*) FROM customer_order WHERE purchase_order_number = ?",
				Integer.class, po);
	}

	@Test
	void anUnknownProductCodeIsA400NamingTheLineAndNothingIsStored() throws Exception {
		catalogueDoesNotKnow("NOPE-1");
		String key = UUID.randomUUID().toString();

		MvcResult result = place(anna(), key, twoLineOrder("PO-UNKNOWN-SKU", "NOPE-1"));

		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
		JsonNode errors = read(result).get("errors");
		assertThat(errors).hasSize(1);
		assertThat(errors.get(0).get("field").asString()).isEqualTo("lines[1].sku");
		assertThat(errors.get(0).get("code").asString()).isEqualTo("SKU_UNKNOWN");
		assertThat(errors.get(0).get("message").asString()).contains("NOPE-1");
		assertThat(ordersWithPo("PO-UNKNOWN-SKU")).isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM idempotency_key WHERE idempotency_key = ?",
				Integer.class, key))
			.as("the key is not used up: the corrected order may be placed with it")
			.isZero();
	}

	@Test
	void otherProblemsAreLeftToValidationAndPlacementPricesNothing() throws Exception {
		// Whatever else the order may get wrong (assortment, site, lead time), the validation says so later.
		MvcResult result = place(anna(), UUID.randomUUID().toString(), twoLineOrder("PO-OTHER-PROBLEMS", "GLULAM-90x270"));

		assertThat(result.getResponse().getStatus()).isEqualTo(202);
		assertThat(ordersWithPo("PO-OTHER-PROBLEMS")).isOne();
		agreementStandIn.verify(postRequestedFor(urlEqualTo("/api/catalog/codes")).withRequestBody(equalToJson("""
				{"skus":["CEM-25KG","GLULAM-90x270"]}""")));
		agreementStandIn.verify(0, postRequestedFor(urlEqualTo("/api/catalog/quote")));
	}

	@Test
	void whenAgreementServiceFailsTheOrderIsPlacedAndLeftToValidation() throws Exception {
		agreementStandIn.stubFor(post("/api/catalog/codes")
			.withRequestBody(matchingJsonPath("$.skus[?(@ == 'DOWN-1')]"))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		agreementStandIn.stubFor(post("/api/catalog/codes")
			.withRequestBody(matchingJsonPath("$.skus[?(@ == 'BROKEN-1')]"))
			.willReturn(serverError()));
		agreementStandIn.stubFor(post("/api/catalog/codes")
			.withRequestBody(matchingJsonPath("$.skus[?(@ == 'SLOW-1')]"))
			.willReturn(okJson("{\"unknown\":[\"SLOW-1\"]}").withFixedDelay(3000)));

		for (String sku : new String[] { "DOWN-1", "BROKEN-1", "SLOW-1" }) {
			String po = "PO-AGREEMENT-" + sku;
			MvcResult result = place(anna(), UUID.randomUUID().toString(), twoLineOrder(po, sku));

			assertThat(result.getResponse().getStatus()).as(sku).isEqualTo(202);
			UUID id = UUID.fromString(read(result).get("id").asString());
			assertThat(status(id)).isEqualTo("PLACED");
			assertThat(outboxCount(id, "leverans.order.placed.v1")).isOne();
		}
	}

	@Test
	void aReorderOfAProductNoLongerKnownIsRefusedTheSameWay() throws Exception {
		UUID earlier = placeOrder(JATKASAARI);
		agreementStandIn.stubFor(post("/api/catalog/codes")
			.withRequestBody(matchingJsonPath("$.skus[?(@ == 'CEM-25KG')]"))
			.atPriority(1)
			.willReturn(okJson("{\"unknown\":[\"CEM-25KG\"]}")));

		MvcResult result = this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/api/orders/{id}/reorder", earlier)
			.with(anna())
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"requestedDelivery":{"date":"%s","from":"07:00","to":"09:00"},"purchaseOrderNumber":"PO-REORDER-GONE"}"""
				.formatted(LocalDate.now().plusDays(10)))).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(read(result).get("errors").get(0).get("field").asString()).isEqualTo("lines[0].sku");
		assertThat(ordersWithPo("PO-REORDER-GONE")).isZero();
	}
}
