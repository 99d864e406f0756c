package org.leverans.delivery.partner;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.contracts.order.OrderAccepted;
import org.leverans.delivery.DeliveryIntegrationTest;
import org.leverans.delivery.TestOrders;
import org.leverans.delivery.shipment.Shipment;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ManifestIntegrationTest extends DeliveryIntegrationTest {

	static final LocalDate TOMORROW = LocalDate.now(ZoneId.of("Europe/Helsinki")).plusDays(1);

	@Test
	void aCarrierListsOnlyItsOwnShipmentsInTheStatusItAsksFor() throws Exception {
		UUID finnishSite = UUID.randomUUID();
		UUID swedishSite = UUID.randomUUID();
		OrderAccepted order = TestOrders.order(TestOrders.RAKENNUS, DeliveryMode.SPLIT_ALLOWED, TOMORROW)
			.line(finnishSite, "FI", null)
			.line(finnishSite, "FI", TOMORROW.plusDays(3))
			.line(swedishSite, "SE", null)
			.accepted();
		List<Shipment> planned = plan(order, 3);
		List<UUID> finnish = planned.stream().filter(s -> s.carrier().equals("nordic-freight")).map(Shipment::id).toList();
		UUID swedish = planned.stream().filter(s -> s.carrier().equals("baltic-haulage")).findFirst().orElseThrow().id();

		List<JsonNode> nordicPlanned = manifest(carrier("nordic-freight"), "PLANNED");
		assertThat(ids(nordicPlanned)).containsAll(finnish).doesNotContain(swedish);
		assertThat(nordicPlanned).allSatisfy(item -> {
			assertThat(item.get("trackingNumber").asString()).startsWith("NF");
			assertThat(item.get("status").asString()).isEqualTo("PLANNED");
		});
		JsonNode first = nordicPlanned.stream().filter(item -> item.get("id").asString().equals(finnish.getFirst().toString()))
			.findFirst().orElseThrow();
		assertThat(first.get("siteId").asString()).isEqualTo(finnishSite.toString());
		assertThat(first.get("countryCode").asString()).isEqualTo("FI");
		assertThat(first.get("window").get("basis").asString()).isEqualTo("PLANNED");
		assertThat(first.get("slotFrom").asString()).isEqualTo("07:00");
		assertThat(first.get("slotTo").asString()).isEqualTo("09:00");
		assertThat(first.get("lines")).isNotEmpty();
		assertThat(ids(manifest(carrier("baltic-haulage"), "PLANNED"))).contains(swedish).doesNotContainAnyElementsOf(finnish);

		Shipment pickedUp = planned.stream().filter(s -> s.id().equals(finnish.getFirst())).findFirst().orElseThrow();
		this.mvc.perform(post("/api/partner/v1/shipment-events").with(carrier("nordic-freight"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"eventId":"nf-%s","trackingNumber":"%s","type":"PICKED_UP","occurredAt":"%s"}"""
				.formatted(UUID.randomUUID(), pickedUp.trackingNumber(), Instant.now().truncatedTo(ChronoUnit.SECONDS))))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.accepted").value(1));

		assertThat(ids(manifest(carrier("nordic-freight"), "PLANNED"))).doesNotContain(pickedUp.id()).contains(finnish.get(1));
		assertThat(ids(manifest(carrier("nordic-freight"), "PICKED_UP"))).contains(pickedUp.id());
		assertThat(ids(manifest(carrier("nordic-freight"), null))).containsAll(finnish);
	}

	@Test
	void pagesThroughTheManifest() throws Exception {
		UUID site = UUID.randomUUID();
		plan(TestOrders.order(TestOrders.RAKENNUS, DeliveryMode.SPLIT_ALLOWED, TOMORROW).line(site, "FI", null)
			.line(site, "FI", TOMORROW.plusDays(2)).accepted(), 2);

		this.mvc.perform(get("/api/partner/v1/shipments").param("status", "PLANNED").param("size", "1")
			.with(carrier("nordic-freight")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(1))
			.andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.greaterThanOrEqualTo(2)));
	}

	@Test
	void onlyCarriersMayReadAManifestAndOnlyWithAValidQuery() throws Exception {
		this.mvc.perform(get("/api/partner/v1/shipments").with(buyer(TestOrders.RAKENNUS)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/partner/v1/shipments")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/partner/v1/shipments").param("status", "TELEPORTED").param("size", "1000")
			.with(carrier("nordic-freight")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].code")
				.value(org.hamcrest.Matchers.containsInAnyOrder("INVALID_STATUS", "INVALID_SIZE")));
	}

	/** Every page of the carrier's manifest. */
	private List<JsonNode> manifest(RequestPostProcessor carrier, String status) throws Exception {
		List<JsonNode> items = new ArrayList<>();
		for (int page = 0;; page++) {
			var request = get("/api/partner/v1/shipments").param("page", String.valueOf(page)).param("size", "200")
				.with(carrier);
			if (status != null) {
				request = request.param("status", status);
			}
			JsonNode body = this.json.readTree(this.mvc.perform(request)
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
			body.get("items").forEach(items::add);
			if ((long) (page + 1) * 200 >= body.get("total").asLong()) {
				return items;
			}
		}
	}

	private static List<UUID> ids(List<JsonNode> items) {
		return items.stream().map(item -> UUID.fromString(item.get("id").asString())).toList();
	}
}
