package org.leverans.order.claims;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.Topics;
import org.leverans.order.OrderEvents;
import org.leverans.order.OrderServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

class ClaimIntegrationTest extends OrderServiceIntegrationTest {

	@Test
	void aReceiverClaimsDamagedGoodsOfADeliveredShipmentAndTheClaimIsAnnouncedAgainstTheCarrier() throws Exception {
		Delivered delivered = deliveredOrder();

		MvcResult filed = file(mikko(), delivered.order(), UUID.randomUUID().toString(), damaged(delivered, 5));

		assertThat(filed.getResponse().getStatus()).as(body(filed)).isEqualTo(201);
		JsonNode claim = read(filed);
		assertThat(claim.get("number").asString()).startsWith("CL-");
		assertThat(claim.get("status").asString()).isEqualTo("OPEN");
		assertThat(claim.get("carrier").asString()).isEqualTo("nordic-freight");
		assertThat(claim.get("lines").get(0).get("quantity").asInt()).isEqualTo(5);
		JsonNode event = this.json.readTree(awaitRecord(Topics.ORDER, delivered.order(),
				"leverans.order.claim-filed.v1").value());
		assertThat(event.get("against").asString()).isEqualTo("CARRIER");
		assertThat(event.get("filedBy").asString()).isEqualTo("mikko");
		assertThat(event.get("lines").get(0).get("sku").asString()).isEqualTo("CEM-25KG");
		assertThat(timelineCount(delivered.order(), "ClaimFiled")).isOne();
	}

	@Test
	void aRetriedFilingWithTheSameKeyFilesOneClaim() throws Exception {
		Delivered delivered = deliveredOrder();
		String key = UUID.randomUUID().toString();

		MvcResult first = file(anna(), delivered.order(), key, damaged(delivered, 2));
		MvcResult again = file(anna(), delivered.order(), key, damaged(delivered, 2));

		assertThat(first.getResponse().getStatus()).isEqualTo(201);
		assertThat(again.getResponse().getStatus()).isEqualTo(200);
		assertThat(read(again).get("id")).isEqualTo(read(first).get("id"));
		assertThat(claimCount(delivered.order())).isOne();
		assertThat(outboxCount(delivered.order(), "leverans.order.claim-filed.v1")).isOne();
	}

	@Test
	void refusesToClaimMoreThanArrivedCountingTheClaimsAlreadyFiled() throws Exception {
		Delivered delivered = deliveredOrder();
		assertThat(file(anna(), delivered.order(), UUID.randomUUID().toString(), damaged(delivered, 30))
			.getResponse()
			.getStatus()).isEqualTo(201);

		MvcResult tooMany = file(anna(), delivered.order(), UUID.randomUUID().toString(), damaged(delivered, 11));

		assertThat(tooMany.getResponse().getStatus()).isEqualTo(400);
		assertThat(read(tooMany).get("errors").get(0).get("field").asString()).isEqualTo("lines[0].quantity");
		assertThat(body(tooMany)).contains("At most 10 of line 1");
		assertThat(claimCount(delivered.order())).isOne();
	}

	@Test
	void refusesAClaimBeforeAnythingIsDeliveredAndStoresNothing() throws Exception {
		UUID order = placeOrder(JATKASAARI);
		accept(order, JATKASAARI);

		MvcResult early = file(anna(), order, UUID.randomUUID().toString(), """
				{"reason":"SHORT","description":"Nothing came","lines":[{"lineNo":1,"quantity":1}]}""");

		assertThat(early.getResponse().getStatus()).isEqualTo(409);
		assertThat(claimCount(order)).isZero();
	}

	@Test
	void refusesAClaimWithoutAnIdempotencyKeyNamingTheBodysProblemsToo() throws Exception {
		Delivered delivered = deliveredOrder();

		MvcResult refused = file(anna(), delivered.order(), " ", "{\"lines\":[]}");

		assertThat(refused.getResponse().getStatus()).isEqualTo(400);
		assertThat(read(refused).get("errors").findValuesAsString("field")).contains("Idempotency-Key", "reason",
				"lines");
		assertThat(read(refused).get("errors").get(0).get("code").asString()).isEqualTo("REQUIRED");
		assertThat(claimCount(delivered.order())).isZero();
	}

	@Test
	void anotherCompanysOrderIsNotFoundWhateverTheBody() throws Exception {
		Delivered delivered = deliveredOrder();

		assertThat(file(erik(), delivered.order(), UUID.randomUUID().toString(), "{\"lines\":[]}")
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(file(erik(), delivered.order(), UUID.randomUUID().toString(), damaged(delivered, 1))
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(claimCount(delivered.order())).isZero();
	}

	@Test
	void keepsARealPhotoOnceAndServesItAsWhatItIs() throws Exception {
		UUID claim = claimId(deliveredOrderWithClaim());
		byte[] png = png();

		MvcResult added = addPhoto(anna(), claim, "image/png", png);
		MvcResult again = addPhoto(anna(), claim, "image/png", png);

		assertThat(added.getResponse().getStatus()).as(body(added)).isEqualTo(201);
		assertThat(again.getResponse().getStatus()).isEqualTo(200);
		assertThat(read(again).get("id")).isEqualTo(read(added).get("id"));
		JsonNode claimView = read(this.mvc.perform(get("/api/claims/{id}", claim).with(anna())).andReturn());
		assertThat(claimView.get("photos")).hasSize(1);
		assertThat(claimView.get("photos").get(0).get("width").asInt()).isEqualTo(40);
		MvcResult served = this.mvc.perform(get(claimView.get("photos").get(0).get("url").asString()).with(mikko()))
			.andReturn();
		assertThat(served.getResponse().getStatus()).isEqualTo(200);
		assertThat(served.getResponse().getContentType()).isEqualTo("image/png");
		assertThat(served.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(served.getResponse().getContentAsByteArray()).isEqualTo(png);
		assertThat(this.mvc.perform(get(claimView.get("photos").get(0).get("url").asString()).with(erik()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

	@Test
	void refusesWhatIsNotTheImageItClaimsToBeAndTooLargePhotos() throws Exception {
		UUID claim = claimId(deliveredOrderWithClaim());
		byte[] script = "<script>alert(1)</script>".getBytes();
		byte[] huge = Arrays.copyOf(png(), 6 * 1024 * 1024);
		byte[] brokenPng = Arrays.copyOf(png(), 12);

		assertThat(addPhoto(anna(), claim, "image/png", script).getResponse().getStatus()).isEqualTo(415);
		assertThat(addPhoto(anna(), claim, "image/jpeg", png()).getResponse().getStatus()).isEqualTo(415);
		assertThat(addPhoto(anna(), claim, "image/png", huge).getResponse().getStatus()).isEqualTo(413);
		assertThat(addPhoto(anna(), claim, "image/png", brokenPng).getResponse().getStatus()).isEqualTo(400);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM claim_photo WHERE claim_id = ?", Integer.class,
				claim)).isZero();
	}

	@Test
	void customerServiceRejectsWithAReasonAndCannotThenAcceptTheSameClaim() throws Exception {
		Delivered delivered = deliveredOrderWithClaim();
		UUID claim = claimId(delivered);

		MvcResult rejected = decide(claim, """
				{"outcome":"REJECT","note":"The photos show the pallets intact"}""");
		MvcResult again = decide(claim, """
				{"outcome":"REJECT","note":"The photos show the pallets intact"}""");
		MvcResult otherwise = decide(claim, """
				{"outcome":"ACCEPT","remedy":"CREDIT"}""");

		assertThat(rejected.getResponse().getStatus()).as(body(rejected)).isEqualTo(200);
		assertThat(read(rejected).get("status").asString()).isEqualTo("REJECTED");
		assertThat(again.getResponse().getStatus()).isEqualTo(200);
		assertThat(otherwise.getResponse().getStatus()).isEqualTo(409);
		JsonNode event = this.json.readTree(awaitRecord(Topics.ORDER, delivered.order(),
				"leverans.order.claim-rejected.v1").value());
		assertThat(event.get("reason").asString()).isEqualTo("The photos show the pallets intact");
		assertThat(outboxCount(delivered.order(), "leverans.order.claim-rejected.v1")).isOne();
		assertThat(outboxCount(delivered.order(), "leverans.order.claim-accepted.v1")).isZero();
	}

	@Test
	void aRejectionWithoutAReasonIsRefused() throws Exception {
		UUID claim = claimId(deliveredOrderWithClaim());

		MvcResult refused = decide(claim, "{\"outcome\":\"REJECT\"}");

		assertThat(refused.getResponse().getStatus()).isEqualTo(400);
		assertThat(this.jdbc.queryForObject("SELECT status FROM claim WHERE id = ?", String.class, claim))
			.isEqualTo("OPEN");
	}

	@Test
	void acceptingWithAReplacementOrdersTheClaimedGoodsAgainForTheCustomerOnce() throws Exception {
		Delivered delivered = deliveredOrderWithClaim();
		UUID claim = claimId(delivered);
		String decision = """
				{"outcome":"ACCEPT","remedy":"REPLACEMENT","note":"Sorry about that",
				 "replacementDelivery":{"date":"%s","from":"07:00","to":"09:00"}}"""
			.formatted(LocalDate.now().plusDays(5));

		MvcResult accepted = decide(claim, decision);
		MvcResult again = decide(claim, decision);

		assertThat(accepted.getResponse().getStatus()).as(body(accepted)).isEqualTo(200);
		assertThat(again.getResponse().getStatus()).isEqualTo(200);
		JsonNode view = read(accepted);
		assertThat(view.get("status").asString()).isEqualTo("ACCEPTED");
		UUID replacement = UUID.fromString(view.get("replacementOrderId").asString());
		assertThat(this.jdbc.queryForMap(
				"SELECT customer_id, placed_by, reordered_from, delivery_mode FROM customer_order WHERE id = ?",
				replacement))
			.containsEntry("customer_id", RAKENNUS)
			.containsEntry("placed_by", "sara")
			.containsEntry("reordered_from", delivered.order())
			.containsEntry("delivery_mode", "COMPLETE");
		assertThat(this.jdbc.queryForObject("SELECT quantity FROM order_line WHERE order_id = ?", Integer.class,
				replacement)).isEqualTo(3);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM customer_order WHERE reordered_from = ?",
				Integer.class, delivered.order())).isOne();
		JsonNode event = this.json.readTree(awaitRecord(Topics.ORDER, delivered.order(),
				"leverans.order.claim-accepted.v1").value());
		assertThat(event.get("remedy").asString()).isEqualTo("REPLACEMENT");
		assertThat(event.get("replacementOrderId").asString()).isEqualTo(replacement.toString());
		assertThat(event.get("lines").get(0).get("quantity").asInt()).isEqualTo(3);
		assertThat(timelineCount(delivered.order(), "ClaimAccepted")).isOne();
	}

	@Test
	void theQueueListsOpenClaimsForCustomerServiceOnly() throws Exception {
		UUID claim = claimId(deliveredOrderWithClaim());

		JsonNode queue = read(this.mvc.perform(get("/api/support/claims").param("limit", "200").with(sara()))
			.andReturn());
		MvcResult buyer = this.mvc.perform(get("/api/support/claims").with(anna())).andReturn();

		assertThat(queue.findValuesAsString("id")).contains(claim.toString());
		assertThat(buyer.getResponse().getStatus()).isEqualTo(403);
	}

	private record Delivered(UUID order, UUID shipment) {
	}

	private Delivered deliveredOrder() throws Exception {
		UUID order = placeOrder(JATKASAARI);
		accept(order, JATKASAARI);
		UUID shipment = UUID.randomUUID();
		send(order, OrderEvents.planned(shipment, order, JATKASAARI, "NF" + System.nanoTime(), 1, 1));
		send(order, OrderEvents.delivered(shipment, order, JATKASAARI, "NF" + System.nanoTime(), 1));
		awaitStatus(order, "DELIVERED");
		return new Delivered(order, shipment);
	}

	private Delivered deliveredOrderWithClaim() throws Exception {
		Delivered delivered = deliveredOrder();
		MvcResult filed = file(anna(), delivered.order(), UUID.randomUUID().toString(), damaged(delivered, 3));
		assertThat(filed.getResponse().getStatus()).as(body(filed)).isEqualTo(201);
		return delivered;
	}

	private UUID claimId(Delivered delivered) {
		return this.jdbc.queryForObject("SELECT id FROM claim WHERE order_id = ?", UUID.class, delivered.order());
	}

	private static String damaged(Delivered delivered, int quantity) {
		return """
				{"shipmentId":"%s","reason":"DAMAGED","description":"Forklift hole in the pallet wrap",
				 "lines":[{"lineNo":1,"quantity":%d}]}""".formatted(delivered.shipment(), quantity);
	}

	private MvcResult file(JwtRequestPostProcessor caller, UUID order, String key, String body) throws Exception {
		return this.mvc.perform(post("/api/orders/{id}/claims", order).with(caller)
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andReturn();
	}

	private MvcResult addPhoto(JwtRequestPostProcessor caller, UUID claim, String type, byte[] bytes)
			throws Exception {
		return this.mvc.perform(post("/api/claims/{id}/photos", claim).with(caller).contentType(type).content(bytes))
			.andReturn();
	}

	private MvcResult decide(UUID claim, String body) throws Exception {
		return this.mvc.perform(post("/api/support/claims/{id}/decision", claim).with(sara())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andReturn();
	}

	private int claimCount(UUID order) {
		return this.jdbc.queryForObject("SELECT count(*) FROM claim WHERE order_id = ?", Integer.class, order);
	}

	private static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString();
	}

	private static byte[] png() throws Exception {
		BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		image.setRGB(3, 4, 0xFF0000);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}
}
