package org.leverans.e2e;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spending limits and approvals through the gateway, in a real Chromium: liisa, Rakennus Oy's agreement manager,
 * sets anna's order limit on her approvals page; anna's larger order waits for approval and arrives on liisa's
 * page live; liisa approves it there, and anna's order page says who approved it as it goes on to be accepted.
 *
 * <p>
 * Other specs order as anna too, so every test takes anna's limit away again whatever happens.
 */
class ApprovalPagesIT extends PagesSpec {

	static final String ANNAS_LIMIT = "/api/approval-limits/orderers/anna";

	@Test
	void annasOrderAboveHerLimitWaitsUntilLiisaApprovesItOnHerPage() {
		BrowserSession anna = BrowserSession.signIn(gateway, "anna", "demo");
		BrowserSession liisaSession = BrowserSession.signIn(gateway, "liisa", "demo");
		try {
			Browser liisa = this.browsers.desktop(gateway).signIn("/buyer/approvals.html", "liisa");
			liisa.waitFor(By.id("limit-form"));
			new Select(liisa.driver().findElement(By.id("limit-for"))).selectByVisibleText("Orderer: Anna Virtanen");
			liisa.driver().findElement(By.id("order-limit")).sendKeys("5000.00");
			liisa.driver().findElement(By.cssSelector("#limit-form button[type=submit]")).click();
			liisa.waitForText(By.cssSelector("#outcome .success"), "The limit for Anna Virtanen was saved.");
			liisa.waitForText(By.cssSelector("#limit-table tr[data-limit-for='anna']"), "5000.00 EUR");
			liisa.awaitLive();

			// 600 bags at 8.40, free freight: 5040.00, above her 5000.00
			String orderId = place(anna, 600);

			WebElement card = liisa.waitFor(By.cssSelector("#queue .approval[data-order-id='" + orderId + "']"));
			assertThat(card.getText()).contains("5040.00 EUR", "anna", "above anna's order limit of 5000.00 EUR");
			Accessibility.assertNoSeriousViolations(liisa, "the approvals page with an order waiting");
			liisa.screenshotForDocs("buyer-approvals");

			Browser annasPage = this.browsers.desktop(gateway).signIn("/buyer/order.html?id=" + orderId, "anna");
			annasPage.waitForText(By.id("order-status"), "Awaiting approval");
			annasPage.waitForText(By.id("approval"), "liisa");
			annasPage.awaitLive();

			card.findElement(By.tagName("textarea")).sendKeys("Big pour at Jätkäsaari next week");
			card.findElement(By.xpath(".//button[normalize-space()='Approve order']")).click();
			liisa.waitForText(By.cssSelector("#outcome .success"), "Approved by liisa");

			annasPage.waitForText(By.id("approval-decided"), "Approved by liisa");
			annasPage.waitForText(By.id("order-status"), "Accepted");
			assertThat(annasPage.driver().findElement(By.id("approval")).getText())
				.contains("Big pour at Jätkäsaari next week");
			Accessibility.assertNoSeriousViolations(annasPage, "an order approved by the agreement manager");
			JsonNode accepted = anna.get("/api/orders/" + orderId).json();
			assertThat(accepted.get("statusHistory").findValuesAsString("status"))
				.containsSubsequence("PLACED", "AWAITING_APPROVAL", "VALIDATED", "ACCEPTED");
			assertThat(accepted.at("/approval/decidedBy").asString()).isEqualTo("liisa");
		}
		finally {
			liisaSession.delete(ANNAS_LIMIT);
		}
	}

	@Test
	void liisaRejectsAnOrderWithAReasonAnnaReads() {
		BrowserSession anna = BrowserSession.signIn(gateway, "anna", "demo");
		BrowserSession liisa = BrowserSession.signIn(gateway, "liisa", "demo");
		try {
			Api.Response set = liisa.put(ANNAS_LIMIT, Map.of("orderLimit", "100.00"));
			assertThat(set.status()).as(set.toString()).isEqualTo(200);
			String orderId = place(anna, 20);
			awaitStatus(anna, orderId, "AWAITING_APPROVAL");

			Api.Response withoutReason = liisa.post("/api/approvals/" + orderId + "/decision",
					Map.of("decision", "REJECT"), Map.of());
			assertThat(withoutReason.status()).as(withoutReason.toString()).isEqualTo(400);
			assertThat(withoutReason.json().at("/errors/0/field").asString()).isEqualTo("reason");

			Api.Response rejected = liisa.post("/api/approvals/" + orderId + "/decision",
					Map.of("decision", "REJECT", "reason", "Buy it from the framework supplier"), Map.of());
			assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
			assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");

			JsonNode order = awaitStatus(anna, orderId, "REJECTED");
			assertThat(order.at("/statusReasons/0/code").asString()).isEqualTo("APPROVAL_REJECTED");
			assertThat(order.at("/statusReasons/0/message").asString())
				.isEqualTo("Rejected by liisa: Buy it from the framework supplier");
			assertThat(anna.get("/api/approvals").status()).isEqualTo(403);
		}
		finally {
			liisa.delete(ANNAS_LIMIT);
		}
	}

	@Test
	void aLimitThatIsNotAnAmountIsRefusedNamingTheFieldAndNothingIsSet() {
		BrowserSession liisa = BrowserSession.signIn(gateway, "liisa", "demo");
		Api.Response refused = liisa.put(ANNAS_LIMIT, Map.of("orderLimit", "a lot"));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.header("content-type")).startsWith("application/problem+json");
		assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("orderLimit");
		JsonNode limits = liisa.get("/api/approval-limits").json();
		for (JsonNode orderer : limits.get("orderers")) {
			if (orderer.get("id").asString().equals("anna")) {
				assertThat(orderer.get("limit").isNull()).as(orderer.toString()).isTrue();
			}
		}
	}

	static JsonNode awaitStatus(BrowserSession reader, String orderId, String status) {
		JsonNode[] order = new JsonNode[1];
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
			order[0] = reader.get("/api/orders/" + orderId).json();
			assertThat(order[0].get("status").asString()).as(order[0].toString()).isEqualTo(status);
		});
		return order[0];
	}

	static String place(BrowserSession orderer, int bags) {
		Api.Response placed = orderer.post("/api/orders",
				OrderToDeliveryIT.order("PO-LIMIT-" + UUID.randomUUID(), "CEM-25KG", bags, OrderToDeliveryIT.JATKASAARI),
				Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(placed.status()).as(placed.toString()).isEqualTo(202);
		return placed.json().get("id").asString();
	}
}
