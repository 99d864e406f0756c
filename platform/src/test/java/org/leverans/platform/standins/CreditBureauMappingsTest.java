package org.leverans.platform.standins;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class CreditBureauMappingsTest {

	@Test
	void answersForTheThreeDemoCustomersWithTheirRatingsAndScores() throws Exception {
		Map<String, JsonNode> ratings = new HashMap<>();
		for (JsonNode mapping : mappings().path("mappings")) {
			JsonNode body = mapping.at("/response/jsonBody");
			if (mapping.at("/response/status").asInt() == 200) {
				ratings.put(body.path("businessId").asString(), body);
				assertThat(mapping.at("/request/urlPath").asString())
					.isEqualTo("/v1/companies/" + body.path("businessId").asString() + "/rating");
			}
		}
		assertThat(ratings).containsOnlyKeys("FI12345678", "SE5566778899", "FI87654321");
		assertRating(ratings.get("FI12345678"), "Rakennus Oy", "A", 82);
		assertRating(ratings.get("SE5566778899"), "Bygg AB", "B", 71);
		assertRating(ratings.get("FI87654321"), "Kivi & Laatta Oy", "C", 48);
		assertThat(ratings.values()).allSatisfy((rating) -> {
			assertThat(rating.path("paymentDefaults").isArray()).isTrue();
			assertThat(rating.path("checkedAt").asString()).isEqualTo("{{now}}");
		});
	}

	@Test
	void answersAnyOtherCompanyWithAProblemAfterTheKnownOnes() throws Exception {
		JsonNode fallback = null;
		for (JsonNode mapping : mappings().path("mappings")) {
			if (mapping.at("/response/status").asInt() == 404) {
				fallback = mapping;
			}
		}
		assertThat(fallback).isNotNull();
		assertThat(fallback.path("priority").asInt()).isGreaterThan(1);
		assertThat(fallback.at("/request/urlPathTemplate").asString()).isEqualTo("/v1/companies/{businessId}/rating");
		assertThat(fallback.at("/response/headers/Content-Type").asString()).isEqualTo("application/problem+json");
		assertThat(fallback.at("/response/jsonBody/status").asInt()).isEqualTo(404);
	}

	private static void assertRating(JsonNode rating, String companyName, String grade, int score) {
		assertThat(rating.path("companyName").asString()).isEqualTo(companyName);
		assertThat(rating.path("rating").asString()).isEqualTo(grade);
		assertThat(rating.path("score").asInt()).isEqualTo(score);
	}

	private static JsonNode mappings() throws Exception {
		try (InputStream in = CreditBureauStandIn.class.getResourceAsStream(CreditBureauStandIn.MAPPINGS)) {
			assertThat(in).isNotNull();
			return JsonMapper.builder().build().readTree(in);
		}
	}
}
