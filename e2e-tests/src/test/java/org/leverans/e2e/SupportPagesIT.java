package org.leverans.e2e;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Customer service's pages in a real Chromium: one search box, the order's timeline, the credit review queue. */
class SupportPagesIT extends PagesSpec {

	static final String KIVI_TAMPERE = "33333333-0000-0000-0000-000000000001";


	@Test
	void saraFindsTheOrderByPurchaseOrderNumberAndSeesItsTimeline() {
		Api rakennusErp = leverans.client("rakennus-erp");
		String purchaseOrder = "PO-CALL-" + UUID.randomUUID().toString().substring(0, 8);
		String orderId = Orders.place(rakennusErp, purchaseOrder, "CEM-25KG", 12, OrderToDeliveryIT.JATKASAARI);
		Orders.awaitShipment(rakennusErp, orderId);
		String orderNumber = rakennusErp.get("/api/orders/" + orderId).json().get("orderNumber").asString();

		Browser sara = this.browsers.desktop(gateway).signIn("/support/search.html", "sara");
		WebElement search = sara.waitFor(By.id("q"));
		search.sendKeys(purchaseOrder, Keys.ENTER);
		WebElement found = sara.waitFor(By.cssSelector("#found a[href='/support/order.html?id=" + orderId + "']"));
		assertThat(sara.all(By.cssSelector("#found tbody tr"))).hasSize(1);
		assertThat(found.getText()).isEqualTo(orderNumber);
		sara.screenshotForDocs("support-search");

		found.click();
		sara.waitForText(By.cssSelector("main h1"), orderNumber);
		WebElement timeline = sara.waitFor(By.id("timeline"));
		sara.waitForText(By.id("timeline"), "Accepted");
		assertThat(sara.all(By.cssSelector("#timeline li")).size()).isGreaterThanOrEqualTo(3);
		assertThat(timeline.getText()).contains("Order placed");
		assertThat(sara.driver().findElement(By.id("timeline-view")).getText()).contains(purchaseOrder);
		assertThat(sara.driver().findElement(By.id("customer")).getText()).contains("Rakennus Oy");
		// the planned window is shown in the viewer's zone from the entry's instants, never as raw UTC
		WebElement window = sara.waitFor(By.cssSelector("#timeline li[data-type='ShipmentPlanned'] .entry-window"));
		assertThat(window.getText()).matches("Window \\w{3} \\d{1,2} \\w{3} \\d{2}:\\d{2}–\\d{2}:\\d{2} \\(planned slot\\)");
		assertThat(timeline.getText()).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
		// How sure the shipment's window is, as the receiver and the buyer are told.
		JsonNode shipment = rakennusErp.get("/api/shipments?orderId=" + orderId).json().get("items").get(0);
		sara.waitForText(By.cssSelector("#shipments li[data-shipment-id='" + shipment.get("id").asString()
				+ "'] .confidence"), WindowWords.of(shipment.get("window"), "Nordic Freight"));
		sara.awaitLive();
		sara.screenshotForDocs("support-order-timeline");
	}

	@Test
	void saraFollowsAnOrderAndSeesTheCarriersNextReportArriveWithoutReload() {
		Api rakennusErp = leverans.client("rakennus-erp");
		String orderId = Orders.place(rakennusErp, "PO-FOLLOW-" + UUID.randomUUID().toString().substring(0, 8),
				"CEM-25KG", 6, OrderToDeliveryIT.JATKASAARI);
		String trackingNumber = Orders.awaitShipment(rakennusErp, orderId).get("trackingNumber").asString();

		Browser sara = this.browsers.desktop(gateway).signIn("/support/order.html?id=" + orderId, "sara");
		sara.waitFor(By.id("timeline"));
		sara.waitForText(By.id("follow"), "Follow this order");
		sara.driver().findElement(By.cssSelector("#follow button")).click();
		sara.waitForText(By.id("follow"), "You follow this order");
		sara.awaitLive();
		// A reload would lose this mark; the update must come without one.
		sara.driver().executeScript("window.stayedOnPage = true");

		Api.Response reported = leverans.client("nordic-freight").post("/api/partner/v1/shipment-events",
				Map.of("events", List.of(OrderToDeliveryIT.partnerEvent("nf-" + UUID.randomUUID(), trackingNumber,
						"PICKED_UP", Instant.now().truncatedTo(ChronoUnit.SECONDS), null))));
		assertThat(reported.status()).isEqualTo(202);
		sara.waitFor(By.cssSelector("#timeline li[data-type='ShipmentUpdated']"));
		assertThat(sara.driver().executeScript("return window.stayedOnPage === true")).as("no reload").isEqualTo(true);

		// Following survives a reload: the page says so and offers to stop.
		sara.driver().navigate().refresh();
		sara.waitForText(By.id("follow"), "You follow this order");
		sara.driver().findElement(By.cssSelector("#follow button")).click();
		sara.waitForText(By.id("follow"), "Follow this order");
	}

	@Test
	void saraOrdersTheSameLinesAgainForRakennusWhoCalledAndItIsAcceptedUnderTheirAgreement() {
		Api rakennusErp = leverans.client("rakennus-erp");
		String earlier = Orders.place(rakennusErp, "PO-CALLED-" + UUID.randomUUID().toString().substring(0, 8),
				"CEM-25KG", 7, OrderToDeliveryIT.JATKASAARI);
		Orders.awaitStatus(rakennusErp, earlier, "ACCEPTED");
		String purchaseOrder = "PO-PHONE-" + UUID.randomUUID().toString().substring(0, 8);

		Browser sara = this.browsers.desktop(gateway).signIn("/support/order.html?id=" + earlier, "sara");
		sara.waitForText(By.id("behalf-heading"), "Rakennus Oy");
		sara.setValue(By.id("behalf-date"), java.time.LocalDate.now().plusDays(14).toString());
		sara.driver().findElement(By.id("behalf-po")).sendKeys(purchaseOrder);
		sara.driver().findElement(By.id("behalf-note")).sendKeys("Called: same again, two weeks out");
		sara.driver().findElement(By.cssSelector("#order-for-customer button[type=submit]")).click();
		WebElement placed = sara.waitFor(By.id("behalf-order"));
		Accessibility.assertNoSeriousViolations(sara, "the support order after ordering for the customer");
		String orderId = placed.getAttribute("href").replaceAll(".*id=", "");

		// The order is Rakennus's own: its ERP sees it, accepted under its agreement and credit.
		JsonNode order = Orders.awaitStatus(rakennusErp, orderId, "ACCEPTED");
		assertThat(order.get("purchaseOrderNumber").asString()).isEqualTo(purchaseOrder);
		assertThat(order.get("placedBy").asString()).isEqualTo("sara");
		placed.click();
		sara.waitForText(By.id("timeline"), "Placed by sara for Rakennus Oy");
		@SuppressWarnings("unchecked")
		Map<String, Object> audit = (Map<String, Object>) sara.script(
				"return fetch(arguments[0]).then((r) => r.json())", "/api/support/audit?orderId=" + orderId);
		assertThat(audit.get("items")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.singleElement()
			.asString()
			.contains("actor=sara", "action=ORDER_PLACED_ON_BEHALF", "customerName=Rakennus Oy");
	}

	@Test
	void saraFindsAnOrderByTypingPartOfTheCustomersName() {
		Api kiviErp = leverans.client("kivi-erp");
		String orderId = Orders.place(kiviErp, "PO-NAME-" + UUID.randomUUID().toString().substring(0, 8),
				"TILE-ADH-20KG", 4, KIVI_TAMPERE);
		Orders.awaitStatus(kiviErp, orderId, "ON_HOLD");
		String orderNumber = kiviErp.get("/api/orders/" + orderId).json().get("orderNumber").asString();

		Browser sara = this.browsers.desktop(gateway).signIn("/support/search.html", "sara");
		sara.waitFor(By.id("q")).sendKeys("LAATTA", Keys.ENTER);
		WebElement found = sara.waitFor(By.cssSelector("#found a[href='/support/order.html?id=" + orderId + "']"));
		assertThat(found.getText()).isEqualTo(orderNumber);
		assertThat(sara.all(By.cssSelector("#found td.customer"))).extracting(WebElement::getText)
			.isNotEmpty()
			.containsOnly("Kivi & Laatta Oy");

		found.click();
		sara.waitForText(By.cssSelector("main h1"), orderNumber);
		assertThat(sara.waitForText(By.id("customer"), "Kivi & Laatta Oy").getText()).doesNotContain("33333333-");
	}

	@Test
	void saraReleasesAHeldOrderFromTheCreditReviewQueue() {
		Api kiviErp = leverans.client("kivi-erp");
		String orderId = Orders.place(kiviErp, "PO-HELD-" + UUID.randomUUID(), "TILE-ADH-20KG", 10, KIVI_TAMPERE);
		Orders.awaitStatus(kiviErp, orderId, "ON_HOLD");

		Browser sara = this.browsers.desktop(gateway).signIn("/support/credit-reviews.html", "sara");
		String orderNumber = kiviErp.get("/api/orders/" + orderId).json().get("orderNumber").asString();
		WebElement review = sara.waitFor(By.cssSelector("#queue .review[data-order-id='" + orderId + "']"));
		assertThat(review.getText()).contains("Kivi & Laatta Oy").contains("Credit limit");
		WebElement named = review.findElement(By.cssSelector("h3 a.order-number"));
		assertThat(named.getText()).isEqualTo("Order " + orderNumber);
		assertThat(named.getAttribute("href")).endsWith("/support/order.html?id=" + orderId);
		sara.screenshotForDocs("support-credit-reviews");

		review.findElement(By.xpath(".//button[normalize-space()='Reject order']")).click();
		assertThat(sara.waitFor(By.cssSelector("#outcome .error")).getText()).contains("reason");

		review = sara.driver().findElement(By.cssSelector("#queue .review[data-order-id='" + orderId + "']"));
		review.findElement(By.tagName("textarea")).sendKeys("Known customer, paying off the old default");
		review.findElement(By.xpath(".//button[normalize-space()='Release order']")).click();
		assertThat(sara.waitFor(By.cssSelector("#outcome .success")).getText()).contains("Release");
		Orders.awaitStatus(kiviErp, orderId, "ACCEPTED");
	}

	@Test
	void theAdminSeesEachCarriersCalibrationAgainstTheTargetWithTheFiguresInATable() {
		JsonNode delivered = Deliveries.deliveredAQuarterOfAnHourAfterItsWindowWasShown(leverans);
		assertThat(delivered.get("carrier").asString()).isEqualTo("nordic-freight");
		JsonNode report = leverans.client("supplier-erp").get("/api/admin/delivery-accuracy").json();
		JsonNode nordic = null;
		for (JsonNode carrier : report.get("carriers")) {
			if (carrier.get("carrier").asString().equals("nordic-freight")) {
				nordic = carrier;
			}
		}
		assertThat(nordic).as(report.toString()).isNotNull();
		JsonNode quarter = null;
		for (JsonNode band : nordic.get("byHorizon")) {
			if (band.get("band").asString().equals("UNDER_30_MIN")) {
				quarter = band;
			}
		}
		assertThat(quarter).as("the window shown 15 minutes before the arrival: %s", nordic).isNotNull();

		Browser admin = this.browsers.desktop(gateway).signIn("/admin/delivery-accuracy.html", "admin");
		WebElement section = admin.waitFor(By.id("carrier-nordic-freight"));
		assertThat(section.findElement(By.tagName("h2")).getText()).isEqualTo("Nordic Freight");
		admin.waitFor(By.cssSelector("#carrier-nordic-freight .chart canvas"));
		List<WebElement> charts = section.findElements(By.cssSelector(".chart[role=img]"));
		assertThat(charts).extracting(chart -> admin.script("return document.getElementById(arguments[0]).textContent",
				chart.getDomAttribute("aria-labelledby").split(" ")[0]))
			.containsExactly("Nordic Freight: arrivals inside the window, by time before arrival",
					"Nordic Freight: mean window width, by time before arrival");
		long measured = nordic.get("byHorizon").valueStream().filter(band -> !band.get("hitRate").isNull()).count();
		assertThat(charts.getFirst().getDomAttribute("data-columns")).as("one column per horizon measured")
			.isEqualTo(String.valueOf(measured));
		assertThat(Double.parseDouble(charts.getFirst().getDomAttribute("data-reference"))).as("the target line")
			.isEqualTo(nordic.get("byHorizon").get(0).get("coverageTarget").asDouble());
		// The same figures as a table, for screen readers and for the numbers themselves.
		WebElement row = section.findElement(By.cssSelector("#table-nordic-freight tr[data-band='UNDER_30_MIN']"));
		assertThat(row.findElements(By.cssSelector("th, td"))).extracting(WebElement::getText).containsExactly(
				"15 minutes before", quarter.get("samples").asString(),
				percent(quarter.get("hitRate")) + " (" + quarter.get("hits").asString() + ")",
				percent(quarter.get("coverageTarget")), points(quarter.get("againstTarget")),
				Math.round(quarter.get("meanWidthMinutes").asDouble()) + " min");
		assertThat(admin.all(By.id("carrier-all"))).as("every carrier together").hasSize(1);

		Browser phone = this.browsers.phone(gateway).signIn("/admin/delivery-accuracy.html", "sara");
		phone.waitFor(By.cssSelector("#carrier-nordic-freight .chart canvas"));
		assertThat((Long) phone.script("return document.documentElement.scrollWidth")).as("no sideways scrolling")
			.isLessThanOrEqualTo((Long) phone.script("return window.innerWidth"));
	}

	@Test
	void aReceiverOpeningTheCreditReviewPageIsToldItIsNotForTheirRole() {
		Browser mikko = this.browsers.desktop(gateway).signIn("/support/credit-reviews.html", "mikko");

		WebElement notice = mikko.waitFor(By.cssSelector("main .notice[role=alert]"));
		assertThat(notice.getText()).contains("This page is for Customer service or Administrator")
			.contains("Mikko")
			.contains("Receiver");
		assertThat(mikko.all(By.id("queue"))).isEmpty();
		assertThat(mikko.all(By.cssSelector("header.site nav a"))).extracting(WebElement::getText)
			.doesNotContain("Credit reviews", "Find an order");
	}

	/** A share as the page shows it: 0.95 → "95%", 0.667 → "66.7%". */
	private static String percent(JsonNode share) {
		return new BigDecimal(share.asString()).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
	}

	/** Points against the target as the page shows them: "+1.5 points", "−4 points". */
	private static String points(JsonNode difference) {
		BigDecimal value = new BigDecimal(difference.asString()).movePointRight(2).stripTrailingZeros();
		String sign = (value.signum() > 0) ? "+" : (value.signum() < 0) ? "−" : "±";
		return sign + value.abs().toPlainString() + " points";
	}

}
