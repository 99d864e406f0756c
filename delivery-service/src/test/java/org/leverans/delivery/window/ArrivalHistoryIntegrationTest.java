package org.leverans.delivery.window;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.delivery.DeliveryIntegrationTest;
import org.leverans.delivery.TestOrders;
import org.leverans.delivery.shipment.Shipment;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ArrivalHistoryIntegrationTest extends DeliveryIntegrationTest {

	static final String CARRIER = "baltic-haulage";

	@Autowired
	ArrivalHistory history;

	@Test
	void keepsEveryEtaOfADeliveredShipmentExactlyOnceHoweverOftenItsEventsArrive() throws Exception {
		Shipment shipment = plan(TestOrders.order(TestOrders.BYGG, DeliveryMode.COMPLETE, LocalDate.now().plusDays(2))
			.line(UUID.randomUUID(), "SE", null)
			.accepted(), 1).getFirst();
		Instant deliveredAt = Instant.now().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS);
		String batch = """
				{"events":[
				 {"eventId":"%1$s-eta","shipmentId":"%1$s","type":"ETA_UPDATED","occurredAt":"%2$s","eta":"%3$s"},
				 {"eventId":"%1$s-transit","shipmentId":"%1$s","type":"IN_TRANSIT","occurredAt":"%4$s","eta":"%5$s"},
				 {"eventId":"%1$s-pod","shipmentId":"%1$s","type":"DELIVERED","occurredAt":"%6$s"}
				]}""".formatted(shipment.id(), deliveredAt.minus(Duration.ofHours(5)),
				deliveredAt.minus(Duration.ofMinutes(20)), deliveredAt.minus(Duration.ofMinutes(50)),
				deliveredAt.minus(Duration.ofMinutes(5)), deliveredAt);

		postEvents(batch).andExpect(jsonPath("$.accepted").value(3));
		// The carrier resends the whole batch, and then the delivery again under a new event id.
		postEvents(batch).andExpect(jsonPath("$.duplicates").value(3));
		postEvents("""
				{"eventId":"%1$s-pod-again","shipmentId":"%1$s","type":"DELIVERED","occurredAt":"%2$s"}"""
			.formatted(shipment.id(), deliveredAt.plus(Duration.ofMinutes(2)))).andExpect(jsonPath("$.accepted").value(1));
		this.history.record(this.shipments.find(shipment.id()).orElseThrow(), this.shipments.timeline(shipment.id()));

		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM arrival_delivery WHERE shipment_id = ?",
				Integer.class, shipment.id())).isEqualTo(1);
		List<Map<String, Object>> samples = this.jdbc.queryForList("""
				SELECT source, band, horizon_seconds,
				       EXTRACT(EPOCH FROM (d.delivered_at - s.expected_from))::bigint AS from_error,
				       EXTRACT(EPOCH FROM (d.delivered_at - s.expected_to))::bigint AS to_error
				FROM arrival_sample s JOIN arrival_delivery d USING (shipment_id)
				WHERE shipment_id = ? ORDER BY source""", shipment.id());
		assertThat(samples).extracting(row -> row.get("source"))
			.containsExactly(shipment.id() + "-eta", shipment.id() + "-transit", "planned-slot");
		assertThat(samples.get(0)).containsEntry("band", "H_4_TO_12")
			.containsEntry("horizon_seconds", 5 * 3600L)
			.containsEntry("from_error", 20 * 60L)
			.containsEntry("to_error", 20 * 60L);
		assertThat(samples.get(1)).containsEntry("band", "MIN_30_TO_90")
			.containsEntry("horizon_seconds", 50 * 60L)
			.containsEntry("from_error", 5 * 60L);
		assertThat(samples.get(2)).containsEntry("band", "PLANNED_SLOT");
	}

	private ResultActions postEvents(String body) throws Exception {
		return this.mvc.perform(post("/api/partner/v1/shipment-events").with(carrier(CARRIER))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isAccepted()).andExpect(jsonPath("$.rejected").isEmpty());
	}
}
