package org.leverans.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.platform.Platform;
import org.leverans.platform.services.Service;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The buyer's pages in a real Chromium: catalogue, quick order by paste, the order updating live, history. */
class BuyerPagesIT extends PagesSpec {

	@Test
	void annaQuickOrdersByPasteAndSeesTheDeliveryWindowMoveWithoutAReload() {
		Browser anna = this.browsers.desktop(gateway).signIn("/buyer/catalog.html", "anna");
		assertThat(anna.waitFor(By.cssSelector("header.site .who")).getText()).contains("Anna").contains("Orderer");

		anna.driver().findElement(By.id("q")).sendKeys("cement");
		anna.driver().findElement(By.cssSelector("form[role=search] button")).click();
		// The search redraws the table, so the row is found again until its price reads as agreed.
		By cementPrice = By.cssSelector("#catalog tr[data-sku='CEM-25KG'] .price");
		anna.waitUntil(ExpectedConditions.textToBe(cementPrice, "8.40 EUR"));
		anna.screenshotForDocs("buyer-catalogue");

		anna.go("/buyer/quick-order.html");
		WebElement lines = anna.waitFor(By.id("lines"));
		lines.sendKeys("CEM-25KG 40\nPLY-18MM;12\nNOPE-1 3");
		anna.setValue(By.id("date"), OrderToDeliveryIT.workingDayInAWeek().toString());
		String purchaseOrder = "PO-WEB-" + UUID.randomUUID().toString().substring(0, 8);
		anna.driver().findElement(By.id("po")).sendKeys(purchaseOrder);
		anna.driver().findElement(By.cssSelector("#quick-order button[type=submit]")).click();
		WebElement problemLine = anna.waitFor(By.cssSelector("#preview-lines tr[data-line-no='3'].has-problem"));
		assertThat(problemLine.findElement(By.cssSelector(".line-problems")).getText()).contains("Line 3")
			.contains("Unknown product code NOPE-1");
		assertThat(anna.driver().findElement(By.cssSelector(".preview .freight")).getText()).isEqualTo("95.00 EUR");
		assertThat(anna.driver().findElement(By.cssSelector(".preview .due")).getText()).isNotBlank();
		assertThat(anna.all(By.id("place"))).as("no place button while a line has a problem").isEmpty();
		anna.screenshotForDocs("buyer-quick-order-preview");

		lines.clear();
		lines.sendKeys("CEM-25KG 40\nPLY-18MM;12");
		anna.driver().findElement(By.cssSelector("#quick-order button[type=submit]")).click();
		anna.waitFor(By.cssSelector(".preview[data-orderable='true']"));
		assertThat(anna.driver().findElement(By.cssSelector(".preview .total")).getText()).isEqualTo("945.80 EUR");
		anna.waitFor(By.id("place")).click();

		anna.waitUntil(ExpectedConditions.urlContains("/buyer/order.html?id="));
		String orderId = anna.driver().getCurrentUrl().replaceAll(".*[?&]id=([^&#]+).*", "$1");
		anna.waitForText(By.id("order-status"), "Accepted");
		WebElement window = anna.waitFor(By.cssSelector("#shipments .shipment .window"));
		String planned = window.getText();
		assertThat(planned).matches("\\w{3} \\d{1,2} \\w{3} \\d{2}:\\d{2}–\\d{2}:\\d{2}");
		String trackingNumber = anna.driver()
			.findElement(By.cssSelector("#shipments .shipment"))
			.getAttribute("data-tracking-number");
		anna.awaitLive();
		anna.script("window.leveransSameDocument = true;");

		Instant now = Instant.now();
		Api.Response reported = leverans.client("nordic-freight").post("/api/partner/v1/shipment-events",
				Map.of("events", List.of(OrderToDeliveryIT.partnerEvent("nf-" + UUID.randomUUID(), trackingNumber,
						"ETA_UPDATED", now.minusSeconds(5), now.plus(Duration.ofMinutes(90))))));
		assertThat(reported.status()).as(reported.toString()).isEqualTo(202);

		anna.waitUntil(ExpectedConditions.not(ExpectedConditions.textToBe(By.cssSelector("#shipments .shipment .window"), planned)));
		assertThat(anna.script("return window.leveransSameDocument === true")).as("updated without a reload")
			.isEqualTo(true);
		assertThat(anna.driver().findElement(By.cssSelector("#shipments .shipment")).getText())
			.contains("Eta updated");
		// The window says how sure it is, in words: the demo's history calibrates Nordic Freight's windows.
		JsonNode predicted = leverans.client("rakennus-erp").get("/api/shipments?orderId=" + orderId).json()
			.get("items").get(0).get("window");
		assertThat(predicted.get("confidence").get("kind").asString()).isEqualTo("CALIBRATED");
		anna.waitForText(By.cssSelector("#shipments .shipment .confidence"),
				WindowWords.of(predicted, "Nordic Freight"));
		anna.screenshotForDocs("buyer-order-detail-live");

		anna.go("/buyer/orders.html?purchaseOrderNumber=" + purchaseOrder);
		WebElement row = anna.waitFor(By.cssSelector("#orders tr[data-order-id='" + orderId + "']"));
		assertThat(row.getText()).contains(purchaseOrder).contains("945.80 EUR");
		assertThat(anna.all(By.cssSelector("#orders tbody tr"))).hasSize(1);
		anna.screenshotForDocs("buyer-order-history");

		// The history redraws as the order's events arrive: the link is found again if it was redrawn.
		anna.click(By.xpath("//*[@id='orders']//tr[@data-order-id='" + orderId
				+ "']//a[contains(normalize-space(), 'Reorder')]"));
		anna.waitFor(By.id("reorder-date"));
		anna.setValue(By.id("reorder-date"), OrderToDeliveryIT.workingDayInAWeek().plusDays(7).toString());
		anna.driver().findElement(By.cssSelector("#reorder button[type=submit]")).click();
		anna.waitFor(By.cssSelector("#reorder .preview[data-orderable='true']"));
		anna.waitFor(By.id("place-reorder")).click();
		anna.waitUntil(ExpectedConditions.not(ExpectedConditions.urlContains("id=" + orderId)));
		anna.waitForText(By.id("order-status"), "Accepted");
		assertThat(anna.driver().findElement(By.id("lines")).getText()).contains("CEM-25KG").contains("PLY-18MM");
	}

	@Test
	void aWindowSaysHowSureItIsInPlainWordsAndPlainlyWhenThereIsLittleToGoBy() {
		Browser anna = this.browsers.desktop(gateway).signIn("/buyer/orders.html", "anna");

		@SuppressWarnings("unchecked")
		List<String> words = (List<String>) anna.driver().executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				import('/assets/format.js').then(({ windowConfidence }) => done([
				  windowConfidence({ basis: 'PREDICTED',
				    confidence: { kind: 'CALIBRATED', samples: 212, coverage: 0.95 } }, 'baltic-haulage'),
				  windowConfidence({ basis: 'PLANNED', confidence: { kind: 'POOLED', samples: 40, coverage: 0.9 } },
				    'baltic-haulage'),
				  windowConfidence({ basis: 'CARRIER_ETA', confidence: { kind: 'DEFAULT_MARGINS', samples: 3 } },
				    'baltic-haulage'),
				  windowConfidence({ basis: 'PLANNED', confidence: { kind: 'DEFAULT_MARGINS', samples: 0 } },
				    'nordic-freight'),
				  windowConfidence({ basis: 'ACTUAL', confidence: { kind: 'ACTUAL', samples: 0 } }, 'nordic-freight'),
				  windowConfidence({ basis: 'PLANNED' }, 'nordic-freight'),
				]));""");

		assertThat(words).containsExactly(
				"95% of Baltic Haulage’s deliveries arrive inside a window like this "
						+ "(from 212 deliveries on record).",
				"Baltic Haulage has few deliveries on record yet; 90% of all carriers’ deliveries arrive inside a "
						+ "window like this.",
				"Baltic Haulage’s own estimate with a fixed margin. Too few deliveries on record to say how often it "
						+ "holds.",
				"The requested slot. Too few deliveries on record to say how often Nordic Freight keeps it.",
				"", "");
	}

	@Test
	void liisaAsAgreementManagerPreviewsAQuickOrderButIsNotOfferedToPlaceIt() {
		Browser liisa = this.browsers.desktop(gateway).signIn("/buyer/quick-order.html", "liisa");
		assertThat(liisa.waitFor(By.id("preview-only-intro")).getText()).contains("placing them is for orderers");

		liisa.waitFor(By.id("lines")).sendKeys("CEM-25KG 40\nPLY-18MM;12");
		liisa.driver().findElement(By.cssSelector("#quick-order button[type=submit]")).click();
		liisa.waitFor(By.cssSelector(".preview[data-orderable='true']"));
		assertThat(liisa.driver().findElement(By.cssSelector(".preview .total")).getText()).isEqualTo("945.80 EUR");
		assertThat(liisa.waitFor(By.id("preview-only")).getText()).contains("Only orderers can place orders");
		assertThat(liisa.all(By.id("place"))).as("no place button for a role that may only preview").isEmpty();
	}

	@Test
	void byggAbsErikSeesWhyAnchorBoltsCannotBeOrdered() {
		// They come only as parcels; Bygg AB's agreement delivers pallets and half pallets.
		Browser erik = this.browsers.desktop(gateway).signIn("/buyer/catalog.html?q=anchor", "erik");

		WebElement anchors = erik.waitFor(By.cssSelector("#catalog tr[data-sku='ANCHOR-M10']"));
		assertThat(anchors.findElement(By.cssSelector("td[data-label='Package sizes']")).getText())
			.isEqualTo("None under your agreement");
		assertThat(anchors.findElement(By.cssSelector(".not-orderable")).getText()).startsWith("Not orderable")
			.contains("PARCEL");
		assertThat(anchors.findElements(By.cssSelector("a[href*='quick-order']"))).as("no order link").isEmpty();
	}

	@Test
	void byggAbsErikCannotOpenRakennusOysOrderPage() {
		String orderId = Orders.place(leverans.client("rakennus-erp"), "PO-NOT-ERIKS", "CEM-25KG", 5,
				OrderToDeliveryIT.JATKASAARI);
		Orders.awaitStatus(leverans.client("rakennus-erp"), orderId, "ACCEPTED");

		Browser erik = this.browsers.desktop(gateway).signIn("/buyer/order.html?id=" + orderId, "erik");

		WebElement notFound = erik.waitFor(By.id("not-found"));
		assertThat(notFound.getText()).contains("Order not found").contains("not one of your company");
		assertThat(erik.driver().getPageSource()).doesNotContain("PO-NOT-ERIKS");
		assertThat(erik.all(By.id("shipments"))).isEmpty();

		erik.go("/");
		assertThat(erik.waitForText(By.id("who"), "Signed in as").getText()).contains("Erik").contains("ORDERER");
		assertThat(erik.all(By.cssSelector("#pages a"))).extracting(WebElement::getText)
			.containsExactly("Catalogue", "Quick order", "Orders", "Invoices");
	}

	@Test
	void annaIsRemindedToReorderWhatJatkasaariOrdersWeeklyAndPreviewsItAtTodaysPricesInOneClick() throws Exception {
		Api rakennusErp = leverans.client("rakennus-erp");
		// Three weeks of Jätkäsaari's plasterboard, a week apart: placed now, then moved back in time, as the weeks
		// cannot be waited for.
		int[] daysAgo = { 21, 14, 7 };
		Platform platform = leverans.platform();
		try (java.sql.Connection db = java.sql.DriverManager.getConnection(platform.jdbcUrl(Service.ORDER),
				platform.postgres().username(), platform.postgres().password())) {
			for (int ago : daysAgo) {
				String id = Orders.place(rakennusErp, "PO-WEEKLY-" + ago, "GYP-13", 30, OrderToDeliveryIT.JATKASAARI);
				try (var moved = db.prepareStatement(
						"UPDATE customer_order SET placed_at = now() - make_interval(days => ?) WHERE id = ?::uuid")) {
					moved.setInt(1, ago);
					moved.setString(2, id);
					assertThat(moved.executeUpdate()).isEqualTo(1);
				}
			}
		}
		By suggestion = By.cssSelector("#reorder-suggestions .suggestion[data-sku='GYP-13']");

		Browser anna = this.browsers.desktop(gateway).signIn("/buyer/orders.html", "anna");
		WebElement card = anna.waitFor(suggestion);
		assertThat(card.getText()).contains("Gypsum board 13 mm", "× 30", "Site Jätkäsaari", "Usually every 7 days");
		Accessibility.assertNoSeriousViolations(anna, "the order history with a reorder suggestion");
		anna.screenshotForDocs("buyer-reorder-suggestion");

		card.findElement(By.cssSelector("a.button")).click();
		WebElement line = anna.waitFor(By.cssSelector("#preview-lines tr[data-line-no='1']"));
		assertThat(line.getText()).contains("GYP-13").contains("30");

		anna.go("/buyer/orders.html");
		// Reminders by e-mail only for who asks: anna asks on the page, and her other choices stay as they were.
		BrowserSession annasSession = BrowserSession.signIn(gateway, "anna", "demo");
		JsonNode before = annasSession.get("/api/subscriptions/me").json();
		assertThat(before.at("/channels/email").toString()).doesNotContain("reorder.due");
		try {
			anna.waitUntil(ExpectedConditions.elementToBeClickable(By.id("reorder-reminders"))).click();
			anna.waitForText(By.cssSelector(".reminder-choice [role=status]"), "Reminders will come by e-mail.");
			JsonNode after = annasSession.get("/api/subscriptions/me").json();
			assertThat(after.at("/channels/email").toString()).contains("reorder.due");
			assertThat(after.at("/channels/live")).isEqualTo(before.at("/channels/live"));
			assertThat(after.at("/arrivalLeadMinutes")).isEqualTo(before.at("/arrivalLeadMinutes"));
		}
		finally {
			// Her choice as it was: a channel on its defaults back to them, else what she had chosen.
			Map<String, Object> channels = new java.util.HashMap<>();
			channels.put("email", before.at("/defaults/email").asBoolean() ? null : before.at("/channels/email"));
			channels.put("live", before.at("/defaults/live").asBoolean() ? null : before.at("/channels/live"));
			Map<String, Object> choice = new java.util.HashMap<>(Map.of("channels", channels));
			if (!before.at("/defaults/arrivalLeadMinutes").asBoolean()) {
				choice.put("arrivalLeadMinutes", before.get("arrivalLeadMinutes"));
			}
			assertThat(annasSession.put("/api/subscriptions/me", choice).status()).isEqualTo(200);
		}

		anna.waitFor(suggestion).findElement(By.xpath(".//button[normalize-space()='Remind me in a week']")).click();
		anna.waitUntil(ExpectedConditions.invisibilityOfElementLocated(suggestion));
	}
}
