package org.leverans.delivery.partner;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.leverans.web.problem.ApiProblem;




import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartnerEventParserTest {

	static final Instant NOW = Instant.parse("2026-12-03T06:00:00Z");

	final PartnerEventParser parser = new PartnerEventParser(3, Duration.ofMinutes(15));

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void readsASingleEventPostedWithoutABatch() {
		PartnerEventParser.Parsed parsed = this.parser.parse(json("""
				{"eventId":"nf-1","trackingNumber":"NF0000000001","type":"ETA_UPDATED",
				 "occurredAt":"2026-12-03T05:40:00Z","eta":"2026-12-03T08:35:00+02:00",
				 "position":{"lat":60.16,"lon":24.92}}"""), NOW);

		assertThat(parsed.rejections()).isEmpty();
		assertThat(parsed.events()).singleElement().satisfies(event -> {
			assertThat(event.type()).isEqualTo(PartnerEventType.ETA_UPDATED);
			assertThat(event.eta()).isEqualTo(Instant.parse("2026-12-03T06:35:00Z"));
			assertThat(event.position().lat()).isEqualTo(60.16);
		});
	}

	@Test
	void refusesBadItemsOneByOneAndKeepsTheGoodOnes() {
		PartnerEventParser.Parsed parsed = new PartnerEventParser(20, Duration.ofMinutes(15)).parse(json("""
				{"events":[
				 {"eventId":"ok","shipmentId":"5f0c7d9e-6a43-4c9b-9d0e-0c6f3c1f2a10","type":"PICKED_UP","occurredAt":"2026-12-03T05:00:00Z"},
				 {"trackingNumber":"NF1","type":"PICKED_UP","occurredAt":"2026-12-03T05:00:00Z"},
				 {"eventId":"t","trackingNumber":"NF1","type":"TELEPORTED","occurredAt":"2026-12-03T05:00:00Z"},
				 {"eventId":"f","trackingNumber":"NF1","type":"IN_TRANSIT","occurredAt":"2026-12-03T06:16:00Z"},
				 {"eventId":"s","trackingNumber":"NF1","type":"IN_TRANSIT","occurredAt":"2026-12-03T06:14:00Z"},
				 {"eventId":"r","type":"IN_TRANSIT","occurredAt":"2026-12-03T05:00:00Z"},
				 {"eventId":"p","trackingNumber":"NF1","type":"IN_TRANSIT","occurredAt":"2026-12-03T05:00:00Z","position":{"lat":91,"lon":0}},
				 {"eventId":"u","trackingNumber":"NF1","type":"IN_TRANSIT","occurredAt":"2026-12-03T05:00:00Z","colour":"red"},
				 {"eventId":"d","trackingNumber":"NF1","type":"IN_TRANSIT","occurredAt":"yesterday"},
				 "not an event",
				 {"eventId":"n","trackingNumber":"NF\\u00001","type":"IN_TRANSIT","occurredAt":"2026-12-03T05:00:00Z"}
				]}"""), NOW);

		assertThat(parsed.events()).extracting(PartnerEvent::eventId).containsExactly("ok", "s");
		assertThat(parsed.rejections()).extracting(Rejection::index, Rejection::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, "MISSING_EVENT_ID"),
					org.assertj.core.groups.Tuple.tuple(2, "UNKNOWN_EVENT_TYPE"),
					org.assertj.core.groups.Tuple.tuple(3, "OCCURRED_IN_FUTURE"),
					org.assertj.core.groups.Tuple.tuple(5, "INVALID_SHIPMENT_REFERENCE"),
					org.assertj.core.groups.Tuple.tuple(6, "INVALID_POSITION"),
					org.assertj.core.groups.Tuple.tuple(7, "INVALID_FIELD"),
					org.assertj.core.groups.Tuple.tuple(8, "INVALID_OCCURRED_AT"),
					org.assertj.core.groups.Tuple.tuple(9, "INVALID_EVENT"),
					org.assertj.core.groups.Tuple.tuple(10, "INVALID_TRACKING_NUMBER"));
		assertThat(parsed.rejections().get(1).eventId()).isEqualTo("t");
	}

	@Test
	void refusesABatchLargerThanTheLimitAsAWhole() {
		assertThatThrownBy(() -> this.parser.parse(json("{\"events\":[{},{},{},{}]}"), NOW))
			.isInstanceOfSatisfying(ApiProblem.class,
					problem -> assertThat(problem.getStatusCode().value()).isEqualTo(413))
			.hasMessageContaining("at most 3");
	}

	@Test
	void refusesABodyThatIsNeitherABatchNorAnEvent() {
		assertThatThrownBy(() -> this.parser.parse(json("[1,2]"), NOW)).isInstanceOfSatisfying(ApiProblem.class, PartnerEventParserTest::isInvalidRequest);
		assertThatThrownBy(() -> this.parser.parse(json("{\"events\":{}}"), NOW))
			.isInstanceOfSatisfying(ApiProblem.class, PartnerEventParserTest::isInvalidRequest);
		assertThatThrownBy(() -> this.parser.parse(json("{\"events\":[],\"extra\":1}"), NOW))
			.isInstanceOfSatisfying(ApiProblem.class, PartnerEventParserTest::isInvalidRequest);
		assertThatThrownBy(() -> this.parser.parse(json("{\"events\":[]}"), NOW))
			.isInstanceOfSatisfying(ApiProblem.class, PartnerEventParserTest::isInvalidRequest);
	}

	private static void isInvalidRequest(ApiProblem problem) {
		assertThat(problem.getStatusCode().value()).isEqualTo(400);
		assertThat(problem.errors()).isNotEmpty();
	}

	private JsonNode json(String text) {
		return this.json.readTree(text);
	}
}
