package org.leverans.e2e;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Shipments delivered through the partner API, for specs whose subject is what a delivery leaves behind. */
final class Deliveries {

	/** The partner API takes an event this far ahead of its own clock (delivery-service's max-clock-skew is 15m). */
	private static final Duration AHEAD = Duration.ofMinutes(14).plusSeconds(50);

	private Deliveries() {
	}

	/**
	 * Places a Rakennus Oy order and has Nordic Freight deliver it a quarter of an hour after the window it was
	 * planned with was first shown, so the delivery accuracy report has a window shown 15 minutes before this
	 * arrival to measure. The delivery is reported almost 15 minutes ahead of the clock, which the partner API allows
	 * for carriers' drifting clocks; the window must have been shown a little while before that.
	 *
	 * @return the delivered shipment, as delivery-service shows it
	 */
	static JsonNode deliveredAQuarterOfAnHourAfterItsWindowWasShown(RunningLeverans leverans) {
		Api rakennusErp = leverans.client("rakennus-erp");
		String orderId = Orders.place(rakennusErp, "PO-ACCURACY-" + UUID.randomUUID().toString().substring(0, 8),
				"CEM-25KG", 5, OrderToDeliveryIT.JATKASAARI);
		String shipmentId = Orders.awaitShipment(rakennusErp, orderId).get("id").asString();
		JsonNode planned = rakennusErp.get("/api/shipments/" + shipmentId).json();
		Instant shown = Instant.parse(planned.get("window").get("updatedAt").asString());
		// Reported AHEAD of now, the arrival is 15 minutes after a moment at least this long after the window.
		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> Instant.now().plus(AHEAD).minus(Duration.ofMinutes(15)).isAfter(shown.plusSeconds(5)));

		return deliver(leverans, planned, Instant.now().plus(AHEAD).truncatedTo(ChronoUnit.SECONDS));
	}

	/** Places a Rakennus Oy order to Jätkäsaari (Mikko's site) and has Nordic Freight deliver it now. */
	static JsonNode delivered(RunningLeverans leverans) {
		Api rakennusErp = leverans.client("rakennus-erp");
		String orderId = Orders.place(rakennusErp, "PO-DELIVERED-" + UUID.randomUUID().toString().substring(0, 8),
				"CEM-25KG", 2, OrderToDeliveryIT.JATKASAARI);
		String shipmentId = Orders.awaitShipment(rakennusErp, orderId).get("id").asString();
		return deliver(leverans, rakennusErp.get("/api/shipments/" + shipmentId).json(),
				Instant.now().truncatedTo(ChronoUnit.SECONDS));
	}

	/** Has Nordic Freight deliver the planned shipment of a Rakennus Oy order to Jätkäsaari now. */
	static JsonNode delivered(RunningLeverans leverans, String orderId) {
		Api rakennusErp = leverans.client("rakennus-erp");
		String shipmentId = Orders.awaitShipment(rakennusErp, orderId).get("id").asString();
		return deliver(leverans, rakennusErp.get("/api/shipments/" + shipmentId).json(),
				Instant.now().truncatedTo(ChronoUnit.SECONDS));
	}

	private static JsonNode deliver(RunningLeverans leverans, JsonNode planned, Instant deliveredAt) {
		Api rakennusErp = leverans.client("rakennus-erp");
		String shipmentId = planned.get("id").asString();
		Map<String, Object> delivered = OrderToDeliveryIT.partnerEvent("nf-" + UUID.randomUUID(),
				planned.get("trackingNumber").asString(), "DELIVERED", deliveredAt, null);
		delivered.put("proofOfDelivery", Map.of("signedBy", "Mikko Nieminen"));
		Api.Response reported = leverans.client("nordic-freight").post("/api/partner/v1/shipment-events",
				Map.of("events", List.of(delivered)));
		assertThat(reported.status()).as(reported.toString()).isEqualTo(202);
		JsonNode[] shipment = new JsonNode[1];
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
			shipment[0] = rakennusErp.get("/api/shipments/" + shipmentId).json();
			assertThat(shipment[0].get("status").asString()).isEqualTo("DELIVERED");
		});
		return shipment[0];
	}
}
