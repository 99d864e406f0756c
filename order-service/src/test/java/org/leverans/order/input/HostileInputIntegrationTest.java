package org.leverans.order.input;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leverans.order.OrderEvents;
import org.leverans.order.OrderServiceIntegrationTest;
import org.leverans.testsupport.hostile.HostileBodies;
import org.leverans.testsupport.hostile.HostileQueries;
import org.leverans.testsupport.hostile.HostileRequests;
import org.leverans.testsupport.hostile.StoredRows;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * Every public POST of order-service, given hostile bodies generated from a valid one: never a 5xx, a problem on
 * every 4xx, and nothing stored when refused.
 */
class HostileInputIntegrationTest extends OrderServiceIntegrationTest {

	private static final int TRIES = 40;

	@Autowired
	DataSource dataSource;

	private StoredRows rows;

	@BeforeEach
	void watchOrderTables() {
		this.rows = StoredRows.of(this.dataSource, "customer_order", "order_line", "order_timeline", "idempotency_key",
				"audit_entry", "reorder_reminder", "claim", "claim_line", "claim_photo")
			.counting("messaging.outbox_event");
	}

	@Test
	void placingAnOrderSurvivesHostileBodies() {
		HostileRequests.assertSafe(HostileBodies.of(orderBody("PO-1", JATKASAARI, PASILA)), TRIES,
				body -> this.mvc.perform(post("/api/orders").with(anna())
					.header("Idempotency-Key", UUID.randomUUID().toString())
					.contentType(MediaType.APPLICATION_JSON)
					.content(body)),
				this.rows::fingerprint);
	}

	@Test
	void previewSurvivesHostileBodies() {
		HostileRequests.assertSafe(HostileBodies.of(orderBody("PO-2", JATKASAARI)), TRIES,
				body -> this.mvc.perform(post("/api/orders/preview").with(anna())
					.contentType(MediaType.APPLICATION_JSON)
					.content(body)),
				this.rows::fingerprint);
		HostileRequests.assertSafe(HostileBodies.of("""
				{"pastedLines":"CEM-25KG 40\\nPLY-18MM;12","defaultSiteId":"%s","defaultPackageSize":"PALLET",
				 "deliveryMode":"COMPLETE"}""".formatted(JATKASAARI)), TRIES,
				body -> this.mvc.perform(post("/api/orders/preview").with(anna())
					.contentType(MediaType.APPLICATION_JSON)
					.content(body)),
				this.rows::fingerprint);
	}

	@Test
	void reorderAndItsPreviewSurviveHostileBodies() throws Exception {
		UUID earlier = placeOrder(JATKASAARI);
		String body = """
				{"requestedDelivery":{"date":"%s","from":"07:00","to":"09:00"},"purchaseOrderNumber":"PO-3",
				 "deliveryMode":"COMPLETE","note":"Gate B"}""".formatted(LocalDate.now().plusDays(12));
		HostileRequests.assertSafe(HostileBodies.of(body), TRIES,
				hostile -> this.mvc.perform(post("/api/orders/{id}/reorder", earlier).with(anna())
					.header("Idempotency-Key", UUID.randomUUID().toString())
					.contentType(MediaType.APPLICATION_JSON)
					.content(hostile)),
				this.rows::fingerprint);
		HostileRequests.assertSafe(HostileBodies.of(body), TRIES,
				hostile -> this.mvc.perform(post("/api/orders/{id}/reorder?preview=true", earlier).with(anna())
					.contentType(MediaType.APPLICATION_JSON)
					.content(hostile)),
				this.rows::fingerprint);
	}

	@Test
	void orderingOnACustomersBehalfSurvivesHostileBodies() throws Exception {
		HostileRequests.assertSafe(HostileBodies.of(orderBody("PO-5", JATKASAARI)), TRIES,
				body -> this.mvc.perform(post("/api/support/customers/{customer}/orders", RAKENNUS).with(sara())
					.header("Idempotency-Key", UUID.randomUUID().toString())
					.contentType(MediaType.APPLICATION_JSON)
					.content(body)),
				this.rows::fingerprint);
		UUID earlier = placeOrder(JATKASAARI);
		HostileRequests.assertSafe(HostileBodies.of("""
				{"requestedDelivery":{"date":"%s","from":"07:00","to":"09:00"},"purchaseOrderNumber":"PO-6"}"""
			.formatted(LocalDate.now().plusDays(12))), TRIES,
				body -> this.mvc.perform(post("/api/support/orders/{id}/reorder", earlier).with(sara())
					.header("Idempotency-Key", UUID.randomUUID().toString())
					.contentType(MediaType.APPLICATION_JSON)
					.content(body)),
				this.rows::fingerprint);
	}

	@Test
	void answeringAReorderSuggestionSurvivesHostileBodies() throws Exception {
		UUID company = UUID.randomUUID();
		UUID site = UUID.randomUUID();
		var buyer = token("tiina", company, java.util.List.of(), "ORDERER");
		for (int ago : new int[] { 21, 14, 7 }) {
			UUID id = UUID.fromString(read(place(buyer, UUID.randomUUID().toString(), orderBody("PO-" + ago, site)))
				.get("id")
				.asString());
			this.jdbc.update(
					"UPDATE customer_order SET placed_at = now() - ?::interval, status = 'ACCEPTED' WHERE id = ?",
					ago + " days", id);
		}
		String snooze = "{\"snoozedUntil\":\"" + LocalDate.now().plusDays(5) + "\"}";
		HostileRequests.assertSafe(HostileBodies.of(snooze), TRIES,
				body -> this.mvc.perform(put("/api/reorder-suggestions/{site}/{sku}", site, "CEM-25KG").with(buyer)
					.contentType(MediaType.APPLICATION_JSON)
					.content(body)),
				this.rows::fingerprint);
	}

	@Test
	void filingAndDecidingAClaimSurviveHostileBodies() throws Exception {
		UUID order = placeOrder(JATKASAARI);
		accept(order, JATKASAARI);
		UUID shipment = UUID.randomUUID();
		send(order, OrderEvents.planned(shipment, order, JATKASAARI, "NF-HOSTILE-1", 1, 1));
		send(order, OrderEvents.delivered(shipment, order, JATKASAARI, "NF-HOSTILE-1", 1));
		awaitStatus(order, "DELIVERED");
		String validClaim = """
				{"shipmentId":"%s","reason":"DAMAGED","description":"Wrap torn","lines":[{"lineNo":1,"quantity":1}]}"""
			.formatted(shipment);
		HostileRequests.assertSafe(HostileBodies.of(validClaim), TRIES,
				body -> this.mvc.perform(post("/api/orders/{id}/claims", order).with(anna())
					.header("Idempotency-Key", UUID.randomUUID().toString())
					.contentType(MediaType.APPLICATION_JSON)
					.content(body)),
				this.rows::fingerprint);
		// Whether a hostile variant happened to be a valid claim depends on the seed; the decision needs one either way.
		if (this.jdbc.queryForList("SELECT id FROM claim WHERE order_id = ?", UUID.class, order).isEmpty()) {
			this.mvc.perform(post("/api/orders/{id}/claims", order).with(anna())
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.contentType(MediaType.APPLICATION_JSON)
				.content(validClaim))
				.andExpect(MockMvcResultMatchers.status().isCreated());
		}
		UUID claim = this.jdbc.queryForList("SELECT id FROM claim WHERE order_id = ?", UUID.class, order).get(0);
		HostileRequests.assertSafe(HostileBodies.of("{\"outcome\":\"REJECT\",\"note\":\"Intact on the photos\"}"),
				TRIES,
				body -> this.mvc.perform(post("/api/support/claims/{id}/decision", claim).with(sara())
					.contentType(MediaType.APPLICATION_JSON)
					.content(body)),
				this.rows::fingerprint);
	}

	@Test
	void cancellingSurvivesHostileBodies() throws Exception {
		UUID order = placeOrder(JATKASAARI);
		HostileRequests.assertSafe(HostileBodies.of("{\"reason\":\"Wrong site\"}"), TRIES,
				body -> this.mvc.perform(post("/api/orders/{id}/cancel", order).with(anna())
					.contentType(MediaType.APPLICATION_JSON)
					.content(body)),
				this.rows::fingerprint);
	}

	@Test
	void previewTakesThePlacementBodyItself() throws Exception {
		this.mvc.perform(post("/api/orders/preview").with(anna())
			.contentType(MediaType.APPLICATION_JSON)
			.content(orderBody("PO-4711", JATKASAARI)))
			.andExpect(MockMvcResultMatchers.status().isOk());
	}

	@Test
	void refusesNulInPurchaseOrderNumberNamingIt() throws Exception {
		this.mvc.perform(post("/api/orders").with(anna())
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.content(orderBody("PO-\\u0000", JATKASAARI)))
			.andExpect(MockMvcResultMatchers.status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("purchaseOrderNumber"))
			.andExpect(jsonPath("$.errors[0].code").value("CONTROL_CHARACTER"));
		this.mvc.perform(post("/api/orders").with(anna())
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.content(orderBody("PO-1", JATKASAARI).replace("\"PO-1\"", "1.5")))
			.andExpect(MockMvcResultMatchers.status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("purchaseOrderNumber"))
			.andExpect(jsonPath("$.errors[0].code").value("INVALID_VALUE"));
	}

	@Test
	void refusesNulAndUnknownParametersInHistoryQuery() throws Exception {
		this.mvc.perform(get("/api/orders?purchaseOrderNumber={po}", "PO\u0000").with(anna()))
			.andExpect(MockMvcResultMatchers.status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("purchaseOrderNumber"))
			.andExpect(jsonPath("$.errors[0].code").value("CONTROL_CHARACTER"));
		this.mvc.perform(get("/api/orders?statuss=ACCEPTED").with(anna()))
			.andExpect(MockMvcResultMatchers.status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("statuss"))
			.andExpect(jsonPath("$.errors[0].code").value("UNKNOWN_FIELD"));
		this.mvc.perform(get("/api/orders?status=SHIPPED_TO_MARS").with(anna()))
			.andExpect(MockMvcResultMatchers.status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("status"));
	}

	@Test
	void orderHistorySurvivesHostileQueries() {
		HostileRequests.assertSafeQueries(
				HostileQueries.of("page=0&size=20&status=ACCEPTED&from=2026-01-01&to=2026-12-31"
						+ "&purchaseOrderNumber=PO-1&siteId=" + UUID.randomUUID()),
				TRIES, query -> this.mvc.perform(get(URI.create("/api/orders?" + query)).with(anna())));
	}

	@Test
	void customerServiceSearchSurvivesHostileQueries() {
		HostileRequests.assertSafeQueries(HostileQueries.of("q=LV-000001&page=0&size=20"), TRIES,
				query -> this.mvc.perform(get(URI.create("/api/support/orders?" + query)).with(sara())));
	}
}
