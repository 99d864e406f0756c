package org.leverans.delivery.accuracy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.delivery.DeliveryIntegrationTest;
import org.leverans.delivery.TestOrders;
import org.leverans.delivery.shipment.Shipment;
import org.leverans.testsupport.metrics.Scrape;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class DeliveryAccuracyIntegrationTest extends DeliveryIntegrationTest {

	static final String CARRIER = "promise-express";

	@Test
	void measuresHowOftenArrivalsFellInsideTheWindowsShownFourAndOneHourBefore() throws Exception {
		List<Shipment> planned = plan(TestOrders.order(TestOrders.RAKENNUS, DeliveryMode.SPLIT_ALLOWED,
				LocalDate.now().plusDays(2))
			.line(UUID.randomUUID(), "LV", null)
			.line(UUID.randomUUID(), "LV", null)
			.accepted(), 2);
		Shipment punctual = planned.get(0);
		Shipment late = planned.get(1);
		Instant t0 = this.clock.instant().truncatedTo(ChronoUnit.MINUTES);

		at(t0.plus(Duration.ofHours(1)));
		send(punctual, "ETA_UPDATED", t0.plus(Duration.ofHours(1)), t0.plus(Duration.ofHours(6)));
		send(late, "ETA_UPDATED", t0.plus(Duration.ofHours(1)), t0.plus(Duration.ofHours(6)));
		at(t0.plus(Duration.ofMinutes(5 * 60 + 10)));
		send(punctual, "ETA_UPDATED", t0.plus(Duration.ofMinutes(5 * 60 + 10)), t0.plus(Duration.ofMinutes(6 * 60 + 10)));
		at(t0.plus(Duration.ofMinutes(6 * 60 + 15)));
		send(punctual, "DELIVERED", t0.plus(Duration.ofMinutes(6 * 60 + 15)), null);
		at(t0.plus(Duration.ofMinutes(7 * 60 + 30)));
		send(late, "DELIVERED", t0.plus(Duration.ofMinutes(7 * 60 + 30)), null);

		// Four hours before, both showed 5:00–7:00: one arrived inside, one after. One hour before, the punctual
		// one showed 5:55–6:25 (ETA 6:10, under an hour away), the late one still 5:00–7:00.
		this.mvc.perform(get("/api/admin/delivery-accuracy").with(role("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.carriers[?(@.carrier == '%s')].delivered", CARRIER).value(2))
			.andExpect(jsonPath("$.carriers[?(@.carrier == '%s')].fourHoursBefore.samples", CARRIER).value(2))
			.andExpect(jsonPath("$.carriers[?(@.carrier == '%s')].fourHoursBefore.hits", CARRIER).value(1))
			.andExpect(jsonPath("$.carriers[?(@.carrier == '%s')].fourHoursBefore.hitRate", CARRIER).value(0.5))
			.andExpect(jsonPath("$.carriers[?(@.carrier == '%s')].fourHoursBefore.meanWidthMinutes", CARRIER)
				.value(120.0))
			.andExpect(jsonPath("$.carriers[?(@.carrier == '%s')].oneHourBefore.hits", CARRIER).value(1))
			.andExpect(jsonPath("$.carriers[?(@.carrier == '%s')].oneHourBefore.meanWidthMinutes", CARRIER)
				.value(75.0))
			.andExpect(jsonPath("$.carriers[?(@.carrier == '%s')].byHorizon[*].band", CARRIER).value(
					// planned only six hours before the arrivals, so nothing was shown 8 h or 24 h before
					org.hamcrest.Matchers.contains("UNDER_30_MIN", "MIN_30_TO_90", "H_1_5_TO_4")))
			// Fifteen minutes before, the punctual one showed 5:55–6:25 and arrived 6:15; the late one missed.
			.andExpect(jsonPath("$.carriers[?(@.carrier == '%s')].byHorizon[0].samples", CARRIER).value(2))
			.andExpect(jsonPath("$.carriers[?(@.carrier == '%s')].byHorizon[0].hits", CARRIER).value(1))
			.andExpect(jsonPath("$.carriers[?(@.carrier == '%s')].byHorizon[0].coverageTarget", CARRIER).value(0.95))
			.andExpect(jsonPath("$.carriers[?(@.carrier == '%s')].byHorizon[0].againstTarget", CARRIER).value(-0.45))
			.andExpect(jsonPath("$.overall.byHorizon").isArray())
			.andExpect(jsonPath("$.overall.delivered").isNumber());
		this.mvc.perform(get("/api/admin/delivery-accuracy").with(carrier(CARRIER))).andExpect(status().isForbidden());

		// The same hits and misses, as the dashboard's hit rate by carrier reads them.
		Scrape scrape = Scrape.of(this.mvc.perform(get("/actuator/prometheus"))
			.andReturn().getResponse().getContentAsString());
		for (String horizon : List.of("4h", "1h")) {
			for (String outcome : List.of("hit", "miss")) {
				assertThat(scrape.value("leverans_delivery_window_promises_total", "carrier", CARRIER, "horizon",
						horizon, "outcome", outcome))
					.as("%s %s", horizon, outcome)
					.hasValue(1.0);
			}
		}
	}

	private void at(Instant instant) {
		this.clock.advance(Duration.between(this.clock.instant(), instant));
	}

	private void send(Shipment shipment, String type, Instant occurredAt, Instant eta) throws Exception {
		String etaField = (eta != null) ? ",\"eta\":\"" + eta + "\"" : "";
		this.mvc.perform(post("/api/partner/v1/shipment-events").with(carrier(CARRIER))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"eventId\":\"%s\",\"shipmentId\":\"%s\",\"type\":\"%s\",\"occurredAt\":\"%s\"%s}"
				.formatted(UUID.randomUUID(), shipment.id(), type, occurredAt, etaField)))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.accepted").value(1));
	}
}
