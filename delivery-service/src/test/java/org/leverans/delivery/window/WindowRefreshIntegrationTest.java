package org.leverans.delivery.window;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.delivery.DeliveryIntegrationTest;
import org.leverans.delivery.TestOrders;
import org.leverans.delivery.shipment.Shipment;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class WindowRefreshIntegrationTest extends DeliveryIntegrationTest {

	@Autowired
	WindowRefresher refresher;

	@Test
	void aQuietCarriersWindowNarrowsAsItsEtaNears() throws Exception {
		Shipment shipment = plan(TestOrders.order(TestOrders.RAKENNUS, DeliveryMode.SPLIT_ALLOWED, LocalDate.now().plusDays(1))
			.line(UUID.randomUUID(), "FI", null)
			.accepted(), 1).getFirst();
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Instant eta = now.plus(Duration.ofHours(5));
		this.mvc.perform(post("/api/partner/v1/shipment-events").with(carrier("nordic-freight"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"eventId\":\"%s\",\"shipmentId\":\"%s\",\"type\":\"IN_TRANSIT\",\"occurredAt\":\"%s\",\"eta\":\"%s\"}"
				.formatted(UUID.randomUUID(), shipment.id(), now, eta)))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.accepted").value(1));
		assertThat(width(shipment.id())).isEqualTo(Duration.ofMinutes(120));

		this.clock.advance(Duration.ofMinutes(4 * 60 + 30));
		this.refresher.refresh();

		Shipment narrowed = this.shipments.find(shipment.id()).orElseThrow();
		assertThat(narrowed.window().basis()).isEqualTo("CARRIER_ETA");
		assertThat(narrowed.window().from()).isEqualTo(eta.minus(Duration.ofMinutes(15)));
		assertThat(narrowed.window().to()).isEqualTo(eta.plus(Duration.ofMinutes(15)));
		assertThat(this.jdbc.queryForObject("""
				SELECT count(*) FROM messaging.outbox_event
				WHERE subject = ? AND type = 'leverans.shipment.window-changed.v1'""", Integer.class,
				shipment.id().toString())).isEqualTo(2);

		this.refresher.refresh();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM shipment_window WHERE shipment_id = ?",
				Integer.class, shipment.id())).isEqualTo(3);
	}

	private Duration width(UUID shipmentId) {
		Shipment shipment = this.shipments.find(shipmentId).orElseThrow();
		return Duration.between(shipment.window().from(), shipment.window().to());
	}
}
