package org.leverans.order.placement;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.order.OrderServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

class OnBehalfIntegrationTest extends OrderServiceIntegrationTest {

	private static final String REORDER = """
			{"requestedDelivery":{"date":"%s","from":"07:00","to":"09:00"},"purchaseOrderNumber":"PO-PHONE-1"}"""
		.formatted(LocalDate.now().plusDays(12));

	@Test
	void customerServiceReordersForTheCustomerAndTheTimelineAndAuditLogSayWhoForWhom() throws Exception {
		UUID earlier = placeOrder(JATKASAARI);
		accept(earlier, JATKASAARI);

		MvcResult placed = reorder(sara(), earlier, UUID.randomUUID().toString());

		assertThat(placed.getResponse().getStatus()).as(placed.getResponse().getContentAsString()).isEqualTo(202);
		UUID order = UUID.fromString(read(placed).get("id").asString());
		assertThat(this.jdbc.queryForMap("SELECT customer_id, placed_by, reordered_from FROM customer_order WHERE id = ?",
				order))
			.containsEntry("customer_id", RAKENNUS)
			.containsEntry("placed_by", "sara")
			.containsEntry("reordered_from", earlier);
		assertThat(this.jdbc.queryForObject(
				"SELECT summary FROM order_timeline WHERE order_id = ? AND type = 'OrderPlaced'", String.class, order))
			.isEqualTo("Placed by sara for Rakennus Oy with 1 line(s) (reorder)");
		JsonNode audit = auditOf(order);
		assertThat(audit.size()).isEqualTo(1);
		assertThat(audit.get(0).get("actor").asString()).isEqualTo("sara");
		assertThat(audit.get(0).get("action").asString()).isEqualTo("ORDER_PLACED_ON_BEHALF");
		assertThat(audit.get(0).get("customerName").asString()).isEqualTo("Rakennus Oy");
		assertThat(audit.get(0).get("summary").asString()).startsWith("Placed by sara for Rakennus Oy: order LV-");
		assertThat(outboxCount(order, "leverans.order.placed.v1")).isEqualTo(1);
	}

	@Test
	void aRetryWithTheSameKeyPlacesOneOrderWithOneAuditEntry() throws Exception {
		UUID earlier = placeOrder(JATKASAARI);
		String key = UUID.randomUUID().toString();

		UUID first = UUID.fromString(read(reorder(sara(), earlier, key)).get("id").asString());
		UUID again = UUID.fromString(read(reorder(sara(), earlier, key)).get("id").asString());

		assertThat(again).isEqualTo(first);
		assertThat(auditOf(first).size()).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM customer_order WHERE reordered_from = ?",
				Integer.class, earlier)).isEqualTo(1);
	}

	@Test
	void customerServicePlacesANewOrderForACustomerUnderThatCustomer() throws Exception {
		MvcResult placed = this.mvc.perform(post("/api/support/customers/{customer}/orders", RAKENNUS).with(sara())
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.content(orderBody("PO-EMAIL-1", JATKASAARI))).andReturn();

		assertThat(placed.getResponse().getStatus()).as(placed.getResponse().getContentAsString()).isEqualTo(202);
		UUID order = UUID.fromString(read(placed).get("id").asString());
		assertThat(this.jdbc.queryForObject("SELECT customer_id FROM customer_order WHERE id = ?", UUID.class, order))
			.isEqualTo(RAKENNUS);
		assertThat(auditOf(order).get(0).get("customerId").asString()).isEqualTo(RAKENNUS.toString());
	}

	@Test
	void aBuyerCannotOrderOnAnotherCustomersBehalf() throws Exception {
		MvcResult refused = this.mvc.perform(post("/api/support/customers/{customer}/orders", BYGG).with(anna())
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.content(orderBody("PO-NOT-MINE", HAMMARBY))).andReturn();

		assertThat(refused.getResponse().getStatus()).isEqualTo(403);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM customer_order WHERE purchase_order_number = ?",
				Integer.class, "PO-NOT-MINE")).isZero();
	}

	@Test
	void reorderingAnOrderThatDoesNotExistIsNotFoundAndStoresNothing() throws Exception {
		UUID unknown = UUID.randomUUID();

		assertThat(reorder(sara(), unknown, UUID.randomUUID().toString()).getResponse().getStatus()).isEqualTo(404);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE order_id = ?", Integer.class,
				unknown)).isZero();
	}

	private MvcResult reorder(JwtRequestPostProcessor caller, UUID earlier, String key) throws Exception {
		return this.mvc.perform(post("/api/support/orders/{id}/reorder", earlier).with(caller)
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(REORDER)).andReturn();
	}

	private JsonNode auditOf(UUID order) throws Exception {
		return read(this.mvc.perform(get("/api/support/audit").param("orderId", order.toString()).with(sara()))
			.andReturn()).get("items");
	}
}
