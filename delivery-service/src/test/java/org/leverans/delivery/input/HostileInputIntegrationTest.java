package org.leverans.delivery.input;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.contracts.order.OrderAccepted;
import org.leverans.delivery.DeliveryIntegrationTest;
import org.leverans.delivery.TestOrders;
import org.leverans.delivery.shipment.Shipment;
import org.leverans.testsupport.DemoIds;
import org.leverans.testsupport.hostile.HostileBodies;
import org.leverans.testsupport.hostile.HostileQueries;
import org.leverans.testsupport.hostile.HostileRequests;
import org.leverans.testsupport.hostile.StoredRows;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The partner API's POST and a receiver's rating, given hostile bodies generated from a valid batch: never a 5xx, a problem on every 4xx,
 * and nothing stored when refused. (One bad event in a batch is refused on its own, inside a 202.)
 */
class HostileInputIntegrationTest extends DeliveryIntegrationTest {

	private static final int TRIES = 40;

	@Autowired
	DataSource dataSource;

	@Test
	void shipmentEventsSurviveHostileBodies() {
		OrderAccepted order = TestOrders.order(TestOrders.RAKENNUS, DeliveryMode.SPLIT_ALLOWED, LocalDate.now().plusDays(1))
			.line(DemoIds.PASILA, "FI", null)
			.accepted();
		Shipment shipment = plan(order, 1).getFirst();
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		String batch = """
				{"events":[{"eventId":"nf-%s","trackingNumber":"%s","type":"IN_TRANSIT","occurredAt":"%s",
				            "eta":"%s","position":{"lat":60.17,"lon":24.94},"reason":"On schedule"}]}"""
			.formatted(UUID.randomUUID(), shipment.trackingNumber(), now.minusSeconds(60), now.plusSeconds(7200));
		String own = "'" + shipment.id() + "'";
		StoredRows rows = StoredRows.of(this.dataSource, "(SELECT * FROM shipment WHERE id = " + own + ")",
				"(SELECT * FROM shipment_event WHERE shipment_id = " + own + ")",
				"(SELECT * FROM shipment_window WHERE shipment_id = " + own + ")");
		HostileRequests.assertSafe(HostileBodies.of(batch), TRIES,
				body -> this.mvc.perform(post("/api/partner/v1/shipment-events").with(carrier("nordic-freight"))
					.contentType(MediaType.APPLICATION_JSON)
					.content(body)),
				rows::fingerprint);
	}

	@Test
	void aReceiversRatingSurvivesHostileBodies() throws Exception {
		UUID site = UUID.randomUUID();
		Shipment shipment = plan(TestOrders.order(TestOrders.RAKENNUS, DeliveryMode.COMPLETE, LocalDate.now().plusDays(1))
			.line(site, "FI", null)
			.accepted(), 1).getFirst();
		this.mvc.perform(post("/api/partner/v1/shipment-events").with(carrier(shipment.carrier()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"eventId":"%1$s-pod","shipmentId":"%1$s","type":"DELIVERED","occurredAt":"%2$s"}"""
				.formatted(shipment.id(), this.clock.instant().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60))))
			.andExpect(status().isAccepted());
		StoredRows rows = StoredRows.of(this.dataSource,
				"(SELECT * FROM delivery_feedback WHERE shipment_id = '" + shipment.id() + "')");
		HostileRequests.assertSafe(HostileBodies.of("""
				{"onTime":true,"unloadedFine":false,"comment":"Two pallets\\nwrapped loose."}"""), TRIES,
				body -> this.mvc.perform(put("/api/shipments/{id}/feedback", shipment.id())
					.with(receiver(site))
					.contentType(MediaType.APPLICATION_JSON)
					.content(body)),
				rows::fingerprint);
	}

	@Test
	void refusesEventWhoseTextHasControlCharacters() throws Exception {
		this.mvc.perform(post("/api/partner/v1/shipment-events").with(carrier("nordic-freight"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"eventId":"nf-1","trackingNumber":"NF\\u00001","type":"PICKED_UP","occurredAt":"%s"}"""
				.formatted(this.clock.instant())))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.accepted").value(0))
			.andExpect(jsonPath("$.rejected[0].code").value("INVALID_TRACKING_NUMBER"));
	}

	@Test
	void refusesNulAndUnknownParametersInTheManifestQuery() throws Exception {
		this.mvc.perform(get("/api/partner/v1/shipments?status={status}", "PLANNED\u0000").with(carrier("nordic-freight")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("status"));
		this.mvc.perform(get("/api/partner/v1/shipments?carrier=baltic-haulage").with(carrier("nordic-freight")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("carrier"))
			.andExpect(jsonPath("$.errors[0].code").value("UNKNOWN_FIELD"));
	}

	@Test
	void theCarriersManifestSurvivesHostileQueries() {
		HostileRequests.assertSafeQueries(HostileQueries.of("status=PLANNED&page=0&size=50"), TRIES,
				query -> this.mvc.perform(get(URI.create("/api/partner/v1/shipments?" + query))
					.with(carrier("nordic-freight"))));
	}
}
