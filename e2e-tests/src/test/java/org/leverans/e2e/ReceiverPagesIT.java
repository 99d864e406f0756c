package org.leverans.e2e;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The receiver's arrivals page in a real Chromium, on a desktop and at a phone's width. */
class ReceiverPagesIT extends PagesSpec {

	@Test
	void mikkoSeesTheArrivalAndTheArrivingSoonBannerWhenTheCarrierIsMinutesAway() {
		Api rakennusErp = leverans.client("rakennus-erp");
		String orderId = Orders.place(rakennusErp, "PO-SITE-" + UUID.randomUUID(), "CEM-25KG", 20,
				OrderToDeliveryIT.JATKASAARI);
		JsonNode shipment = Orders.awaitShipment(rakennusErp, orderId);
		String orderNumber = rakennusErp.get("/api/orders/" + orderId).json().get("orderNumber").asString();

		Browser mikko = this.browsers.desktop(gateway).signIn("/receiver/arrivals.html", "mikko");
		By arrival = By.cssSelector("#arrivals .arrival[data-shipment-id='" + shipment.get("id").asString() + "']");
		WebElement card = mikko.waitFor(arrival);
		assertThat(card.getText()).contains(orderNumber).contains("Site Jätkäsaari").contains("CEM-25KG × 20");
		By banner = By.cssSelector("#banners .banner[data-shipment-id='" + shipment.get("id").asString() + "']");
		assertThat(mikko.all(banner)).as("a week away is not arriving soon").isEmpty();
		mikko.awaitLive();
		mikko.script("window.leveransSameDocument = true;");

		Instant now = Instant.now();
		Api.Response reported = leverans.client("nordic-freight").post("/api/partner/v1/shipment-events",
				Map.of("events", List.of(
						OrderToDeliveryIT.partnerEvent("nf-" + UUID.randomUUID(), shipment.get("trackingNumber").asString(),
								"OUT_FOR_DELIVERY", now.minusSeconds(60), now.plusSeconds(15 * 60)),
						OrderToDeliveryIT.partnerEvent("nf-" + UUID.randomUUID(), shipment.get("trackingNumber").asString(),
								"ARRIVING", now.minusSeconds(5), now.plusSeconds(10 * 60)))));
		assertThat(reported.status()).as(reported.toString()).isEqualTo(202);

		assertThat(mikko.waitFor(banner).getText()).contains("Arriving soon").contains(orderNumber);
		mikko.waitForText(arrival, "Arriving");
		// A receiver books a crane by this window, so it says how often such windows hold.
		JsonNode window = rakennusErp.get("/api/shipments/" + shipment.get("id").asString()).json().get("window");
		mikko.waitForText(By.cssSelector("#arrivals .arrival[data-shipment-id='" + shipment.get("id").asString()
				+ "'] .confidence"), WindowWords.of(window, "Nordic Freight"));
		assertThat(mikko.script("return window.leveransSameDocument === true")).as("updated without a reload")
			.isEqualTo(true);
		mikko.screenshotForDocs("receiver-arrivals-desktop");

		// On a phone, opened afresh: the page itself tells that the shipment is minutes away.
		Browser phone = this.browsers.phone(gateway).signIn("/receiver/arrivals.html", "mikko");
		assertThat(phone.waitFor(banner).getText()).contains(orderNumber);
		WebElement phoneCard = phone.waitFor(arrival);
		assertThat(phone.script("return window.innerWidth")).isEqualTo(390L);
		assertThat(phoneCard.getRect().getWidth()).as("cards fit a phone's width").isLessThanOrEqualTo(390);
		assertThat((Long) phone.script("return document.documentElement.scrollWidth"))
			.as("no sideways scrolling").isLessThanOrEqualTo(390L);
		phone.screenshotForDocs("receiver-arrivals-phone");
	}

	@Test
	void mikkoRatesADeliveryOnHisPhoneAndTheSupplierSeesItOnTheCarrierScorecard() {
		String shipmentId = Deliveries.delivered(leverans).get("id").asString();
		String comment = "Pallets wrapped loose " + UUID.randomUUID().toString().substring(0, 8);
		By delivered = By.cssSelector("#delivered .delivered[data-shipment-id='" + shipmentId + "']");

		Browser phone = this.browsers.phone(gateway).signIn("/receiver/arrivals.html", "mikko");
		WebElement card = phone.waitFor(delivered);
		// With the keyboard, as on a phone: Space picks a radio, the form sends on its button.
		card.findElement(By.cssSelector("input[name='on-time-" + shipmentId + "'][value='true']")).sendKeys(" ");
		card.findElement(By.cssSelector("input[name='unloaded-" + shipmentId + "'][value='false']")).sendKeys(" ");
		card.findElement(By.tagName("textarea")).sendKeys(comment);
		card.findElement(By.cssSelector("button[type=submit]")).click();
		phone.waitForText(By.cssSelector("#delivered .delivered[data-shipment-id='" + shipmentId + "'] .rated"),
				"Rating saved");
		assertThat((Long) phone.script("return document.documentElement.scrollWidth"))
			.as("no sideways scrolling").isLessThanOrEqualTo(390L);
		Accessibility.assertNoSeriousViolations(phone, "the arrivals with a delivery to rate, on a phone");
		phone.screenshotForDocs("receiver-rating-phone");

		// Opened again, the page shows Mikko's rating as he gave it.
		phone.go("/receiver/arrivals.html");
		WebElement again = phone.waitFor(delivered);
		assertThat(again.findElement(By.cssSelector("input[name='unloaded-" + shipmentId + "'][value='false']"))
			.isSelected()).isTrue();
		assertThat(again.findElement(By.tagName("textarea")).getAttribute("value")).isEqualTo(comment);

		Browser admin = this.browsers.desktop(gateway).signIn("/admin/carrier-scorecard.html", "admin");
		WebElement row = admin.waitFor(By.cssSelector("#scorecard-table tr[data-carrier='nordic-freight']"));
		assertThat(row.getText()).contains("Nordic Freight");
		admin.waitForText(By.cssSelector(".comments[data-carrier='nordic-freight']"), comment);
		Accessibility.assertNoSeriousViolations(admin, "the carrier scorecard");
		admin.screenshotForDocs("carrier-scorecard");
	}

	@Test
	void aWindowWiderThanThePromiseThisCloseToDeliverySaysSoInWords() {
		Browser mikko = this.browsers.desktop(gateway).signIn("/receiver/arrivals.html", "mikko");
		mikko.waitFor(By.id("arrivals"));
		// The pages' own wording, asked of the module they load, for windows as delivery-service sends them: wider than
		// the usual hour, within the promise, wider than the usual two hours; a planned slot and no window at all.
		String words = """
				const { widerThanUsual } = await import('/assets/format.js');
				const window = (basis, usualWidthMinutes) => ({ basis, from: '2026-12-03T07:00:00Z',
				  to: '2026-12-03T08:20:00Z', confidence: { kind: 'CALIBRATED', samples: 212, coverage: 0.95,
				  usualWidthMinutes } });
				return [
				  widerThanUsual(window('PREDICTED', 60)),
				  widerThanUsual(window('PREDICTED', undefined)),
				  widerThanUsual(window('PREDICTED', 120)),
				  widerThanUsual({ basis: 'PLANNED', from: '2026-12-03T07:00:00Z', to: '2026-12-03T09:00:00Z' }),
				  widerThanUsual(undefined),
				];""";
		Object said = mikko.script("return (async () => {" + words + "})();");

		assertThat(said).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.containsExactly("Wider than the usual 60 minutes: this carrier’s arrivals scatter more than that this "
					+ "close to delivery.", "", "Wider than the usual 120 minutes: this carrier’s arrivals scatter "
							+ "more than that this close to delivery.", "", "");
	}
}
