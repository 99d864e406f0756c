package org.leverans.agreement.validation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.agreement.IntegrationTest;
import org.leverans.contracts.Topics;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.contracts.order.OrderLine;
import org.leverans.contracts.order.OrderPlaced;
import org.leverans.contracts.order.RequestedDelivery;
import org.leverans.contracts.validation.OrderValidated;
import org.leverans.testsupport.events.CloudEventRecord;
import org.leverans.testsupport.events.EventProducer;
import org.leverans.testsupport.events.TopicProbe;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** One quotation behind the quote endpoint and the validation of placed orders. */
class QuotationIntegrationTest extends IntegrationTest {

	@Autowired
	Quotation quotation;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Test
	void aQuoteAndTheValidationOfTheSameOrderChargeTheSame() throws Exception {
		LocalDate requested = LocalDate.now(ZoneId.of("Europe/Helsinki")).plusDays(10);
		JsonNode quote = this.json.readTree(this.mvc.perform(post("/api/catalog/quote")
			.with(token("anna", RAKENNUS, "ORDERER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"deliveryMode":"SPLIT_ALLOWED","requestedDelivery":{"date":"%s","from":"07:00","to":"09:00"},
					 "lines":[{"lineNo":1,"sku":"CEM-25KG","quantity":40,"packageSize":"PALLET","siteId":"%s"},
					          {"lineNo":2,"sku":"TIM-48x98","quantity":3,"packageSize":"PALLET","siteId":"%s"}]}"""
				.formatted(requested, JATKASAARI, PASILA)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());

		UUID orderId = UUID.randomUUID();
		OrderPlaced order = new OrderPlaced(orderId, "LV-Q", RAKENNUS, "anna", Instant.now(), null,
				DeliveryMode.SPLIT_ALLOWED, new RequestedDelivery(requested, LocalTime.of(7, 0), LocalTime.of(9, 0)),
				List.of(new OrderLine(1, "CEM-25KG", 40, "PALLET", JATKASAARI),
						new OrderLine(2, "TIM-48x98", 3, "PALLET", PASILA)),
				null);
		EventProducer.send(CloudEventRecord.of(orderId, order, this.json).id(UUID.randomUUID().toString()));
		OrderValidated validated = this.json
			.readValue(TopicProbe.awaitAll(Topics.ORDER_VALIDATION, orderId).get(0).value(), OrderValidated.class);

		assertThat(quote.get("orderable").asBoolean()).isTrue();
		for (int i = 0; i < 2; i++) {
			assertThat(validated.lines().get(i).lineTotal())
				.isEqualByComparingTo(quote.get("lines").get(i).get("lineTotal").asString());
		}
		assertThat(validated.totals().freight()).isEqualByComparingTo(quote.get("totals").get("freight").asString());
		assertThat(validated.totals().total()).isEqualByComparingTo(quote.get("totals").get("total").asString());
		assertThat(validated.paymentTerms().dueDate().toString()).isEqualTo(quote.get("paymentDueDate").asString());
	}

	@Test
	void quotesOnTheCustomersCalendarDay() {
		// Half past midnight in Helsinki is still New Year's Eve in Stockholm.
		Instant lateOnNewYearsEve = Instant.parse("2026-12-31T22:30:00Z");
		List<OrderLine> lines = List.of(new OrderLine(1, "CEM-25KG", 1, "PALLET", JATKASAARI));

		assertThat(this.quotation.quote(RAKENNUS, DeliveryMode.COMPLETE, null, lines, lateOnNewYearsEve).orderDate())
			.isEqualTo(LocalDate.of(2027, 1, 1));
		assertThat(this.quotation.quote(BYGG, DeliveryMode.COMPLETE, null, lines, lateOnNewYearsEve).orderDate())
			.isEqualTo(LocalDate.of(2026, 12, 31));
	}

	@Test
	void anUnknownCustomerHasNoAgreementAndNothingIsPriced() {
		Quotation.Quote quote = this.quotation.quote(UUID.randomUUID(), DeliveryMode.COMPLETE, null,
				List.of(new OrderLine(1, "CEM-25KG", 1, "PALLET", JATKASAARI)), Instant.now());

		assertThat(quote.agreement()).isEmpty();
		assertThat(quote.assessment().lines()).isEmpty();
		assertThat(quote.assessment().reasons()).extracting(reason -> reason.code())
			.containsExactly("AGREEMENT_NOT_ACTIVE");
	}
}
