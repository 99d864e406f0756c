package org.leverans.e2e;

import java.time.Duration;
import java.util.List;
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
 * The buying journey after the purchase, in real Chromium windows: anna's order is above the limit liisa set, so it
 * waits until liisa approves it on her page; Nordic Freight delivers it; on site, mikko finds the delivery on his
 * phone, reports three damaged bags with a photo, and sara in customer service accepts the claim from her queue with
 * a replacement order. mikko's order page shows the decision as it is made, billing credits the damaged bags, and
 * the pages of the journey are checked in Finnish, Swedish and English.
 */
class ClaimsPagesIT extends PagesSpec {

	@Test
	void anOrderAboveTheLimitIsApprovedDeliveredClaimedWithAPhotoOnAPhoneAndResolvedByCustomerService() {
		BrowserSession anna = BrowserSession.signIn(gateway, "anna", "demo");
		BrowserSession liisaSession = BrowserSession.signIn(gateway, "liisa", "demo");
		String orderId;
		try {
			Api.Response limit = liisaSession.put(ApprovalPagesIT.ANNAS_LIMIT, Map.of("orderLimit", "100.00"));
			assertThat(limit.status()).as(limit.toString()).isEqualTo(200);
			Browser liisa = this.browsers.desktop(gateway).signIn("/buyer/approvals.html", "liisa");
			liisa.awaitLive();
			// 20 bags at 8.40: 168.00, above her 100.00
			orderId = ApprovalPagesIT.place(anna, 20);
			// The queue redraws as the order's events arrive: the button is found again if it was redrawn.
			liisa.click(By.xpath("//*[@id='queue']//*[contains(@class,'approval') and @data-order-id='" + orderId
					+ "']//button[normalize-space()='Approve order']"));
			liisa.waitForText(By.cssSelector("#outcome .success"), "Approved by liisa");
		}
		finally {
			liisaSession.delete(ApprovalPagesIT.ANNAS_LIMIT);
		}
		ApprovalPagesIT.awaitStatus(anna, orderId, "ACCEPTED");
		String shipmentId = Deliveries.delivered(leverans, orderId).get("id").asString();
		ApprovalPagesIT.awaitStatus(anna, orderId, "DELIVERED");

		Browser mikko = this.browsers.phone(gateway).signIn("/receiver/arrivals.html", "mikko");
		mikko.waitFor(By.cssSelector(".delivered[data-shipment-id='" + shipmentId + "'] a.report-problem")).click();
		new Select(mikko.waitFor(By.id("claim-reason"))).selectByValue("DAMAGED");
		assertThat(new Select(mikko.driver().findElement(By.id("claim-shipment"))).getFirstSelectedOption()
			.getAttribute("value")).as("the delivery he came from").isEqualTo(shipmentId);
		mikko.setValue(By.id("claim-line-1"), "3");
		mikko.driver().findElement(By.id("claim-description")).sendKeys("Three bags split by the forklift");
		mikko.driver().findElement(By.id("claim-photos")).sendKeys(Photos.pngFile().toString());
		mikko.driver().findElement(By.cssSelector("#claim button[type=submit]")).click();
		mikko.waitForText(By.id("claim-filed"), "was filed");
		WebElement filed = mikko.waitFor(By.cssSelector("#claims-list .claim[data-status='OPEN'] .photos img"));
		assertThat(shownWidth(mikko, filed)).as("the photo shows").isEqualTo(64L);
		Accessibility.assertNoSeriousViolations(mikko, "a claim just filed, on a phone");
		mikko.screenshotForDocs("receiver-claim");
		JsonNode claim = anna.get("/api/orders/" + orderId + "/claims").json().get(0);
		String claimId = claim.get("id").asString();
		assertThat(claim.get("filedBy").asString()).isEqualTo("mikko");
		assertThat(claim.at("/lines/0/quantity").asInt()).isEqualTo(3);
		assertThat(claim.get("photos")).hasSize(1);
		mikko.awaitLive();

		Browser sara = this.browsers.desktop(gateway).signIn("/support/claims.html", "sara");
		WebElement queued = sara.waitFor(By.cssSelector("#queue .claim[data-claim-id='" + claimId + "']"));
		assertThat(queued.getText()).contains("Three bags split by the forklift", "Damaged", "mikko");
		assertThat(shownWidth(sara, queued.findElement(By.cssSelector(".photos img")))).isEqualTo(64L);
		queued.findElement(By.cssSelector("input[value='REPLACEMENT']")).click();
		sara.setValue(By.id("replacement-date-" + claimId), OrderToDeliveryIT.workingDayInAWeek().toString());
		queued.findElement(By.tagName("textarea")).sendKeys("Sorry, new bags on their way");
		Accessibility.assertNoSeriousViolations(sara, "the claim queue with a claim waiting");
		sara.screenshotForDocs("support-claims");
		queued.findElement(By.cssSelector("button.accept")).click();
		WebElement decided = sara.waitForText(By.cssSelector("#outcome .success"), "Accepted");
		String replacementNumber = decided.findElement(By.tagName("a")).getText().replaceAll(".* ", "");

		WebElement answered = mikko.waitFor(By.cssSelector("#claims-list .claim[data-status='ACCEPTED']"));
		assertThat(answered.getText()).contains(replacementNumber, "Sorry, new bags on their way");
		JsonNode replacement = anna.get(answered.findElement(By.cssSelector(".claim-decision a")).getAttribute("href")
			.replaceAll(".*\\?id=", "/api/orders/")).json();
		assertThat(replacement.get("orderNumber").asString()).isEqualTo(replacementNumber);
		assertThat(replacement.at("/lines/0/quantity").asInt()).isEqualTo(3);
		assertThat(replacement.get("placedBy").asString()).isEqualTo("sara");
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
			assertThat(anna.get("/api/orders/" + orderId).json().get("invoicing").findValuesAsString("type"))
				.as("the damaged bags credited").contains("CreditNoteIssued"));

		for (String language : LanguagesPagesIT.LANGUAGES) {
			LanguagesPagesIT.choose(sara, language);
			sara.go("/support/claims.html?status=ACCEPTED");
			LanguagesPagesIT.expectPage(sara, language, "nav.claims");
			assertThat(sara.waitFor(By.cssSelector("#queue .claim[data-claim-id='" + claimId + "'] .claim-reason"))
				.getText()).isEqualTo(LanguagesPagesIT.text(language, "code.DAMAGED"));
			sara.go("/support/claims.html");

			LanguagesPagesIT.choose(mikko, language);
			mikko.waitForText(By.id("claims-heading"), LanguagesPagesIT.text(language, "claims.heading"));
			mikko.waitForText(By.id("claim-heading"), LanguagesPagesIT.text(language, "claims.reportProblem"));
			LanguagesPagesIT.noRawKeys(mikko);
		}
	}

	@Test
	void aClaimAboutGoodsNotYetDeliveredOrMoreThanArrivedIsRefusedAndNothingIsFiled() {
		BrowserSession anna = BrowserSession.signIn(gateway, "anna", "demo");
		Api rakennusErp = leverans.client("rakennus-erp");
		String orderId = Orders.place(rakennusErp, "PO-CLAIM-" + UUID.randomUUID().toString().substring(0, 8),
				"CEM-25KG", 2, OrderToDeliveryIT.JATKASAARI);
		Map<String, Object> claim = Map.of("reason", "SHORT", "description", "Only one bag",
				"lines", List.of(Map.of("lineNo", 1, "quantity", 1)));

		Api.Response early = anna.post("/api/orders/" + orderId + "/claims", claim,
				Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		Deliveries.delivered(leverans, orderId);
		ApprovalPagesIT.awaitStatus(anna, orderId, "DELIVERED");
		Api.Response tooMany = anna.post("/api/orders/" + orderId + "/claims", Map.of("reason", "SHORT",
				"description", "Nothing came", "lines", List.of(Map.of("lineNo", 1, "quantity", 3))),
				Map.of("Idempotency-Key", UUID.randomUUID().toString()));

		assertThat(early.status()).as(early.toString()).isEqualTo(409);
		assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(400);
		assertThat(tooMany.header("content-type")).startsWith("application/problem+json");
		assertThat(tooMany.json().at("/errors/0/field").asString()).isEqualTo("lines[0].quantity");
		assertThat(anna.get("/api/orders/" + orderId + "/claims").json()).isEmpty();
	}

	/** The picture's own width once the browser has loaded it (0 if it could not show it). */
	private static Object shownWidth(Browser browser, WebElement image) {
		browser.waitUntil((driver) -> Boolean.TRUE.equals(browser.script("return arguments[0].complete", image)));
		return browser.script("return arguments[0].naturalWidth", image);
	}
}
