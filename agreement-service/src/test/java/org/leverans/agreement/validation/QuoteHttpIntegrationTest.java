package org.leverans.agreement.validation;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.leverans.agreement.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A quote applies the validation rules to an order not yet placed, line by line. */
class QuoteHttpIntegrationTest extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void pricesTheGoodLinesAndNamesTheProblemOfEachOther() throws Exception {
		this.mvc.perform(post("/api/catalog/quote").with(token("anna", RAKENNUS, "ORDERER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"deliveryMode":"SPLIT_ALLOWED",
					 "requestedDelivery":{"date":"%s","from":"07:00","to":"09:00"},
					 "lines":[{"lineNo":1,"sku":"CEM-25KG","quantity":40,"packageSize":"PALLET","siteId":"%s"},
					          {"lineNo":2,"sku":"ply-18mm","quantity":12,"siteId":"%s"},
					          {"lineNo":3,"sku":"NOPE-1","quantity":3,"siteId":"%s"}]}"""
				.formatted(today().plusDays(10), JATKASAARI, JATKASAARI, JATKASAARI)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.agreementNumber").value("AG-2026-0001"))
			.andExpect(jsonPath("$.lines", hasSize(3)))
			.andExpect(jsonPath("$.lines[0].unitPrice").value("8.40"))
			.andExpect(jsonPath("$.lines[0].lineTotal").value("336.00"))
			.andExpect(jsonPath("$.lines[0].problems", hasSize(0)))
			.andExpect(jsonPath("$.lines[1].sku").value("PLY-18MM"))
			.andExpect(jsonPath("$.lines[1].packageSize").value("HALF_PALLET"))
			.andExpect(jsonPath("$.lines[1].lineTotal").value("514.80"))
			.andExpect(jsonPath("$.lines[2].lineNo").value(3))
			.andExpect(jsonPath("$.lines[2].unitPrice").doesNotExist())
			.andExpect(jsonPath("$.lines[2].problems[0].code").value("SKU_UNKNOWN"))
			.andExpect(jsonPath("$.totals.goods").value("850.80"))
			.andExpect(jsonPath("$.totals.freight").value("95.00"))
			.andExpect(jsonPath("$.totals.total").value("945.80"))
			.andExpect(jsonPath("$.totals.currency").value("EUR"))
			.andExpect(jsonPath("$.paymentDueDate").value(today().plusDays(30).toString()))
			.andExpect(jsonPath("$.problems", hasSize(0)))
			.andExpect(jsonPath("$.orderable").value(false));
	}

	@Test
	void kiviPaysByTheWeightOfTheGoodLinesAtLeastTheMinimum() throws Exception {
		// 100 bags × 25 kg + 20 sheets × 35 kg = 3200 kg × 0.12 EUR/kg; the unknown line weighs nothing
		this.mvc.perform(post("/api/catalog/quote").with(token("kalle", KIVI, "ORDERER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"lines":[{"sku":"CEM-25KG","quantity":100,"packageSize":"PALLET","siteId":"%s"},
					          {"sku":"PLY-18MM","quantity":20,"packageSize":"PALLET","siteId":"%s"},
					          {"sku":"NOPE-1","quantity":500,"siteId":"%s"}]}"""
				.formatted(TAMPERE, TAMPERE, TAMPERE)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totals.goods").value("1848.00"))
			.andExpect(jsonPath("$.totals.freight").value("384.00"))
			.andExpect(jsonPath("$.totals.total").value("2232.00"));
		// 2 bags: 50 kg × 0.12 = 6.00, so the minimum fee
		this.mvc.perform(post("/api/catalog/quote").with(token("kalle", KIVI, "ORDERER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"lines":[{"sku":"CEM-25KG","quantity":2,"packageSize":"PALLET","siteId":"%s"}]}"""
				.formatted(TAMPERE)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totals.goods").value("19.80"))
			.andExpect(jsonPath("$.totals.freight").value("120.00"));
	}

	@Test
	void anOrderWithinTheAgreementIsOrderable() throws Exception {
		this.mvc.perform(post("/api/catalog/quote").with(token("erik", BYGG, "ORDERER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"lines":[{"sku":"CEM-25KG","quantity":10,"packageSize":"PALLET","siteId":"%s"}]}"""
				.formatted(HAMMARBY)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lines[0].lineNo").value(1))
			.andExpect(jsonPath("$.lines[0].unitPrice").value("105.34"))
			.andExpect(jsonPath("$.totals.total").value("1503.40"))
			.andExpect(jsonPath("$.totals.currency").value("SEK"))
			.andExpect(jsonPath("$.orderable").value(true));
	}

	@Test
	void byggIsToldSplitDeliveryAndProductsOutsideItsAssortmentAreNotPossible() throws Exception {
		this.mvc.perform(post("/api/catalog/quote").with(token("erik", BYGG, "ORDERER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"deliveryMode":"SPLIT_ALLOWED",
					 "lines":[{"sku":"PLY-18MM","quantity":10,"packageSize":"PALLET","siteId":"%s"}]}"""
				.formatted(HAMMARBY)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.problems[0].code").value("SPLIT_NOT_ALLOWED"))
			.andExpect(jsonPath("$.lines[0].problems[0].code").value("SKU_NOT_IN_ASSORTMENT"))
			.andExpect(jsonPath("$.orderable").value(false));
	}

	@Test
	void refusesAQuoteWithoutLinesOrWithRepeatedLineNumbers() throws Exception {
		this.mvc.perform(post("/api/catalog/quote").with(token("anna", RAKENNUS, "ORDERER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"lines\":[]}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("lines"));
		this.mvc.perform(post("/api/catalog/quote").with(token("anna", RAKENNUS, "ORDERER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"lines\":[{\"lineNo\":1,\"sku\":\"CEM-25KG\",\"quantity\":1},{\"lineNo\":1,\"sku\":\"GYP-13\",\"quantity\":1}]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("lines[1].lineNo"));
		this.mvc.perform(post("/api/catalog/quote").with(token("anna", RAKENNUS, "ORDERER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"lines\":[{\"sku\":\"CEM-25KG\",\"quantity\":\"many\"}]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("lines[0].quantity"));
	}

	@Test
	void receiverMayNotAskForQuotes() throws Exception {
		this.mvc.perform(post("/api/catalog/quote").with(token("mikko", RAKENNUS, "RECEIVER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"lines\":[{\"sku\":\"CEM-25KG\",\"quantity\":1}]}"))
			.andExpect(status().isForbidden());
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneId.of("Europe/Helsinki"));
	}
}
