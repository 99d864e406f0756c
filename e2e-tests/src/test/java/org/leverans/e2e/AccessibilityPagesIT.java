package org.leverans.e2e;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every page passes Deque's axe-core check in a real Chromium once its content has loaded: no serious or critical
 * violation (labels, contrast, names of buttons and links, lang) and no landmark or heading problem.
 */
class AccessibilityPagesIT extends PagesSpec {

	@Test
	void theLandingPagePassesTheAccessibilityCheckSignedOutAndSignedIn() {
		Browser visitor = this.browsers.desktop(gateway);
		visitor.go("/");
		visitor.waitForText(By.id("who"), "not signed in");
		Accessibility.assertNoSeriousViolations(visitor, "the landing page, signed out");

		Browser anna = this.browsers.desktop(gateway).signIn("/buyer/catalog.html", "anna");
		anna.go("/");
		anna.waitForText(By.id("who"), "Signed in as");
		Accessibility.assertNoSeriousViolations(anna, "the landing page, signed in");
	}

	@Test
	void theSignInFormPassesTheAccessibilityCheckAlsoAfterAWrongPassword() {
		Browser visitor = this.browsers.desktop(gateway);
		visitor.go("/buyer/catalog.html");
		visitor.waitFor(By.id("username"));
		Accessibility.assertNoSeriousViolations(visitor, "the auth-server's sign-in form");

		visitor.driver().findElement(By.id("username")).sendKeys("anna");
		visitor.driver().findElement(By.id("password")).sendKeys("not-her-password", Keys.ENTER);
		visitor.waitForText(By.cssSelector("[role=alert]"), "Wrong username or password");
		Accessibility.assertNoSeriousViolations(visitor, "the sign-in form after a wrong password");
	}

	@Test
	void theCheckFailsAPageWithAnUnlabelledFieldOrUnreadableText() {
		Browser visitor = this.browsers.desktop(gateway);
		visitor.go("/");
		visitor.waitForText(By.id("who"), "not signed in");
		visitor.script("""
				document.querySelector('main').append(Object.assign(document.createElement('input'), { id: 'unlabelled' }));
				document.getElementById('who').style.color = '#d0d0d0';""");

		assertThatThrownBy(() -> Accessibility.assertNoSeriousViolations(visitor, "a broken landing page"))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("label (critical)")
			.hasMessageContaining("#unlabelled")
			.hasMessageContaining("color-contrast (serious)")
			.hasMessageContaining("#who");
	}

	@Test
	void theBuyersPagesPassTheAccessibilityCheck() {
		String orderId = Orders.place(leverans.client("rakennus-erp"), "PO-A11Y-" + UUID.randomUUID().toString().substring(0, 8),
				"CEM-25KG", 8, OrderToDeliveryIT.JATKASAARI);
		Orders.awaitShipment(leverans.client("rakennus-erp"), orderId);

		Browser anna = this.browsers.desktop(gateway).signIn("/buyer/catalog.html", "anna");
		anna.waitFor(By.cssSelector("#catalog tr[data-sku='CEM-25KG']"));
		Accessibility.assertNoSeriousViolations(anna, "the catalogue");

		anna.go("/buyer/quick-order.html");
		anna.waitFor(By.id("lines")).sendKeys("CEM-25KG 40\nNOPE-1 3");
		Accessibility.assertNoSeriousViolations(anna, "the quick order form");
		anna.driver().findElement(By.cssSelector("#quick-order button[type=submit]")).click();
		anna.waitFor(By.cssSelector("#preview-lines tr[data-line-no='2'].has-problem"));
		Accessibility.assertNoSeriousViolations(anna, "a quick order preview with a line problem");
		anna.waitFor(By.id("lines")).clear();
		anna.driver().findElement(By.id("lines")).sendKeys("CEM-25KG 40");
		anna.driver().findElement(By.cssSelector("#quick-order button[type=submit]")).click();
		anna.waitFor(By.cssSelector(".preview[data-orderable='true']"));
		Accessibility.assertNoSeriousViolations(anna, "an orderable quick order preview");

		anna.go("/buyer/orders.html");
		anna.waitFor(By.cssSelector("#orders tr[data-order-id='" + orderId + "']"));
		Accessibility.assertNoSeriousViolations(anna, "the order history");

		anna.go("/buyer/order.html?id=" + orderId);
		anna.waitFor(By.cssSelector("#shipments .shipment .window"));
		anna.awaitLive();
		Accessibility.assertNoSeriousViolations(anna, "the order detail");
	}

	@Test
	void theReceiversArrivalsPassTheAccessibilityCheckOnDesktopAndPhone() {
		String orderId = Orders.place(leverans.client("rakennus-erp"), "PO-A11Y-SITE-" + UUID.randomUUID().toString().substring(0, 8),
				"CEM-25KG", 3, OrderToDeliveryIT.JATKASAARI);
		String shipmentId = Orders.awaitShipment(leverans.client("rakennus-erp"), orderId).get("id").asString();
		By arrival = By.cssSelector("#arrivals .arrival[data-shipment-id='" + shipmentId + "']");

		Browser mikko = this.browsers.desktop(gateway).signIn("/receiver/arrivals.html", "mikko");
		mikko.waitFor(arrival);
		Accessibility.assertNoSeriousViolations(mikko, "the arrivals");

		Browser phone = this.browsers.phone(gateway).signIn("/receiver/arrivals.html", "mikko");
		phone.waitFor(arrival);
		Accessibility.assertNoSeriousViolations(phone, "the arrivals on a phone");
	}

	@Test
	void customerServicesPagesPassTheAccessibilityCheck() {
		String purchaseOrder = "PO-A11Y-CS-" + UUID.randomUUID().toString().substring(0, 8);
		String orderId = Orders.place(leverans.client("rakennus-erp"), purchaseOrder, "CEM-25KG", 4,
				OrderToDeliveryIT.JATKASAARI);
		Orders.awaitShipment(leverans.client("rakennus-erp"), orderId);
		// Kivi & Laatta's borderline credit puts its orders in the review queue, so the queue has a review to check.
		String heldId = Orders.place(leverans.client("kivi-erp"), "PO-A11Y-HELD-" + UUID.randomUUID().toString().substring(0, 8),
				"TILE-ADH-20KG", 3, SupportPagesIT.KIVI_TAMPERE);
		Orders.awaitStatus(leverans.client("kivi-erp"), heldId, "ON_HOLD");

		Browser sara = this.browsers.desktop(gateway).signIn("/support/search.html", "sara");
		sara.waitFor(By.id("q")).sendKeys(purchaseOrder, Keys.ENTER);
		sara.waitFor(By.cssSelector("#found a[href='/support/order.html?id=" + orderId + "']"));
		Accessibility.assertNoSeriousViolations(sara, "the support search with a result");

		sara.go("/support/order.html?id=" + orderId);
		sara.waitForText(By.id("timeline"), "Order placed");
		sara.waitFor(By.cssSelector("#timeline li[data-type='ShipmentPlanned']"));
		Accessibility.assertNoSeriousViolations(sara, "the support order with its timeline");

		sara.go("/support/credit-reviews.html");
		sara.waitFor(By.cssSelector("#queue .review[data-order-id='" + heldId + "']"));
		Accessibility.assertNoSeriousViolations(sara, "the credit review queue");
	}

	@Test
	void theDeliveryAccuracyChartsPassTheAccessibilityCheck() {
		Deliveries.deliveredAQuarterOfAnHourAfterItsWindowWasShown(leverans);

		Browser admin = this.browsers.desktop(gateway).signIn("/admin/delivery-accuracy.html", "admin");
		admin.waitFor(By.cssSelector("#carrier-nordic-freight .chart canvas"));
		Accessibility.assertNoSeriousViolations(admin, "the delivery accuracy charts");

		Browser phone = this.browsers.phone(gateway).signIn("/admin/delivery-accuracy.html", "admin");
		phone.waitFor(By.cssSelector("#carrier-nordic-freight .chart canvas"));
		Accessibility.assertNoSeriousViolations(phone, "the delivery accuracy charts on a phone");
	}

	@Test
	void aPageThatIsNotForTheVisitorsRolePassesTheAccessibilityCheck() {
		Browser mikko = this.browsers.desktop(gateway).signIn("/support/credit-reviews.html", "mikko");
		mikko.waitFor(By.cssSelector("main .notice[role=alert]"));
		Accessibility.assertNoSeriousViolations(mikko, "the credit reviews, opened by a receiver");
	}

}
