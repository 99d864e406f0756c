package org.leverans.e2e;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The basics every page owes its people, in a real Chromium: an order can be placed with the keyboard alone and
 * the focus is always visible; times are in the viewer's own time zone, which the page names; a failing API or an
 * empty result is said in words, never an endless "Loading …".
 */
class BasicsPagesIT extends PagesSpec {

	@Test
	void annaPreviewsAndPlacesAQuickOrderWithTheKeyboardAloneSeeingWhereTheFocusIs() {
		Browser anna = this.browsers.desktop(gateway).signIn("/buyer/quick-order.html", "anna");
		anna.waitFor(By.id("lines"));

		// The first Tab reaches the skip link, which takes the keyboard past the navigation to the form.
		tabTo(anna, "skip-link");
		press(anna, Keys.ENTER);
		assertThat(anna.script("return document.activeElement.id")).as("the skip link's target").isEqualTo("main");
		tabTo(anna, "lines");
		press(anna, "CEM-25KG 40", Keys.ENTER, "PLY-18MM;12");
		tabTo(anna, "date");
		LocalDate date = OrderToDeliveryIT.workingDayInAWeek();
		press(anna, typedDate(anna, date));
		assertThat(anna.driver().findElement(By.id("date")).getDomProperty("value")).isEqualTo(date.toString());
		tabTo(anna, "po");
		String purchaseOrder = "PO-KEYS-" + UUID.randomUUID().toString().substring(0, 8);
		press(anna, purchaseOrder);
		tabTo(anna, "preview");
		press(anna, Keys.ENTER);

		anna.waitFor(By.cssSelector(".preview[data-orderable='true']"));
		assertThat(anna.driver().findElement(By.cssSelector(".preview .total")).getText()).isEqualTo("945.80 EUR");
		tabTo(anna, "place");
		press(anna, Keys.ENTER);

		anna.waitUntil(ExpectedConditions.urlContains("/buyer/order.html?id="));
		anna.waitForText(By.id("order-status"), "Accepted");
		// Found afresh: the page draws the order again when its live stream opens.
		anna.waitForText(By.id("purchase-order"), purchaseOrder);
	}

	@Test
	void theSameDeliveryWindowShowsInEachViewersOwnTimeZoneAndThePageSaysWhichZone() {
		String orderId = Orders.place(leverans.client("rakennus-erp"), "PO-ZONE-" + UUID.randomUUID().toString().substring(0, 8),
				"CEM-25KG", 2, OrderToDeliveryIT.JATKASAARI);
		JsonNode window = Orders.awaitShipment(leverans.client("rakennus-erp"), orderId).get("window");
		Instant from = Instant.parse(window.get("from").asString());
		Instant to = Instant.parse(window.get("to").asString());

		Map<String, String> shown = new LinkedHashMap<>();
		for (String zone : List.of("Europe/Helsinki", "America/New_York")) {
			Browser anna = this.browsers.desktop(gateway, zone).signIn("/buyer/order.html?id=" + orderId, "anna");
			String text = anna.waitFor(By.cssSelector("#shipments .shipment .window")).getText();
			assertThat(text).as("the window in %s", zone).isEqualTo(expectedWindow(from, to, ZoneId.of(zone)));
			assertThat(anna.waitForText(By.cssSelector("footer.site"), zone).getText())
				.isEqualTo("Times are shown in your time zone (" + zone + ").");
			shown.put(zone, text);
		}
		assertThat(shown.get("America/New_York")).as("seven hours apart, not the same text")
			.isNotEqualTo(shown.get("Europe/Helsinki"));
	}

	@Test
	void theBuyersAndCustomerServicesPagesFitAPhoneWithoutSidewaysScrolling() {
		String purchaseOrder = "PO-PHONE-" + UUID.randomUUID().toString().substring(0, 8);
		String orderId = Orders.place(leverans.client("rakennus-erp"), purchaseOrder, "CEM-25KG", 2,
				OrderToDeliveryIT.JATKASAARI);
		Orders.awaitShipment(leverans.client("rakennus-erp"), orderId);

		Browser anna = this.browsers.phone(gateway).signIn("/buyer/catalog.html", "anna");
		anna.waitFor(By.cssSelector("#catalog tr[data-sku='CEM-25KG']"));
		assertFitsThePhone(anna, "the catalogue");
		anna.go("/buyer/quick-order.html");
		anna.waitFor(By.id("lines")).sendKeys("CEM-25KG 40\nNOPE-1 3");
		anna.driver().findElement(By.id("preview")).click();
		anna.waitFor(By.cssSelector("#preview-lines tr[data-line-no='2'].has-problem"));
		assertFitsThePhone(anna, "a quick order preview");
		anna.go("/buyer/orders.html?purchaseOrderNumber=" + purchaseOrder);
		anna.waitFor(By.cssSelector("#orders tr[data-order-id='" + orderId + "']"));
		assertFitsThePhone(anna, "the order history");
		anna.go("/buyer/order.html?id=" + orderId);
		anna.waitFor(By.cssSelector("#shipments .shipment .window"));
		assertFitsThePhone(anna, "the order detail");

		Browser sara = this.browsers.phone(gateway).signIn("/support/search.html?q=" + purchaseOrder, "sara");
		sara.waitFor(By.cssSelector("#found a[href='/support/order.html?id=" + orderId + "']"));
		assertFitsThePhone(sara, "the support search");
		sara.go("/support/order.html?id=" + orderId);
		sara.waitFor(By.cssSelector("#timeline li[data-type='ShipmentPlanned']"));
		assertFitsThePhone(sara, "the support order");
	}

	@Test
	void aPageWhoseApiCannotBeReachedSaysSoInsteadOfLoadingForever() {
		String orderId = Orders.place(leverans.client("rakennus-erp"), "PO-DOWN-" + UUID.randomUUID().toString().substring(0, 8),
				"CEM-25KG", 2, OrderToDeliveryIT.JATKASAARI);
		Orders.awaitStatus(leverans.client("rakennus-erp"), orderId, "ACCEPTED");
		Browser anna = this.browsers.desktop(gateway).signIn("/buyer/orders.html", "anna");
		anna.waitFor(By.id("filters"));

		// The order service is cut off from the browser; who is signed in (/api/me) still answers.
		anna.devTools("Network.enable", Map.of());
		anna.devTools("Network.setBlockedURLs", Map.of("urls", List.of("*/api/orders*")));
		anna.go("/buyer/order.html?id=" + orderId);
		WebElement error = anna.waitFor(By.cssSelector("#order .error[role=alert]"));
		assertThat(error.getText()).contains("The order could not be loaded").contains("could not be reached");
		assertNothingStillLoading(anna);
		Accessibility.assertNoSeriousViolations(anna, "the order detail when the API cannot be reached");

		anna.go("/buyer/orders.html");
		assertThat(anna.waitFor(By.cssSelector("main .error[role=alert]")).getText()).contains("could not be reached");
		assertNothingStillLoading(anna);

		anna.devTools("Network.setBlockedURLs", Map.of("urls", List.of()));
		anna.go("/buyer/quick-order.html");
		anna.waitFor(By.id("lines")).sendKeys("CEM-25KG 40");
		anna.devTools("Network.setBlockedURLs", Map.of("urls", List.of("*/api/orders/preview")));
		anna.driver().findElement(By.id("preview")).click();
		assertThat(anna.waitFor(By.cssSelector("#result .error[role=alert]")).getText())
			.contains("The lines could not be previewed")
			.contains("could not be reached");
		assertThat(anna.driver().findElement(By.id("preview")).isEnabled()).as("free to try again").isTrue();
		assertNothingStillLoading(anna);
	}

	@Test
	void aPageWhoseApiNeverAnswersSaysSoAfterTwentySeconds() {
		String orderId = Orders.place(leverans.client("rakennus-erp"), "PO-HANG-" + UUID.randomUUID().toString().substring(0, 8),
				"CEM-25KG", 2, OrderToDeliveryIT.JATKASAARI);
		Browser anna = this.browsers.desktop(gateway).signIn("/buyer/orders.html", "anna");
		anna.waitFor(By.id("filters"));

		// Requests to the order API are held in the browser and never answered, as behind a stuck proxy.
		anna.devTools("Fetch.enable", Map.of("patterns", List.of(Map.of("urlPattern", "*/api/orders/*"))));
		try {
			anna.go("/buyer/order.html?id=" + orderId);
			assertThat(anna.all(By.cssSelector("#order .error"))).as("still waiting at first").isEmpty();
			WebElement error = anna.waitFor(By.cssSelector("#order .error[role=alert]"));
			assertThat(error.getText()).contains("The order could not be loaded")
				.contains("The server did not answer within 20 seconds");
			assertNothingStillLoading(anna);
		}
		finally {
			anna.devTools("Fetch.disable", Map.of());
		}
	}

	@Test
	void anOrderPageWhoseLiveUpdatesCannotConnectSaysTheyArePausedAndGoesLiveWhenTheyCan() {
		String orderId = Orders.place(leverans.client("rakennus-erp"), "PO-PAUSE-" + UUID.randomUUID().toString().substring(0, 8),
				"CEM-25KG", 2, OrderToDeliveryIT.JATKASAARI);
		Orders.awaitStatus(leverans.client("rakennus-erp"), orderId, "ACCEPTED");
		Browser anna = this.browsers.desktop(gateway).signIn("/buyer/orders.html", "anna");

		anna.devTools("Network.enable", Map.of());
		anna.devTools("Network.setBlockedURLs", Map.of("urls", List.of("*/api/stream*")));
		anna.go("/buyer/order.html?id=" + orderId);
		anna.waitForText(By.id("order-status"), "Accepted");
		assertThat(anna.waitForText(By.cssSelector("main .live[role=status]"), "paused").getText())
			.isEqualTo("Live updates paused, reconnecting …");

		anna.devTools("Network.setBlockedURLs", Map.of("urls", List.of()));
		anna.awaitLive();
		assertThat(anna.driver().findElement(By.cssSelector("main .live")).getText()).isEqualTo("● Live");
	}

	@Test
	void aSearchOrFilterThatFindsNothingSaysSo() {
		String nothing = "PO-NONE-" + UUID.randomUUID().toString().substring(0, 8);

		Browser anna = this.browsers.desktop(gateway).signIn("/buyer/orders.html?purchaseOrderNumber=" + nothing, "anna");
		assertThat(anna.waitFor(By.cssSelector("main .empty")).getText()).isEqualTo("No orders match these filters.");
		assertThat(anna.all(By.id("orders"))).isEmpty();
		assertNothingStillLoading(anna);
		Accessibility.assertNoSeriousViolations(anna, "an order history that matches nothing");

		Browser sara = this.browsers.desktop(gateway).signIn("/support/search.html", "sara");
		sara.waitFor(By.id("q")).sendKeys(nothing, Keys.ENTER);
		assertThat(sara.waitFor(By.cssSelector("#results .empty")).getText()).isEqualTo("No order matches “" + nothing + "”.");
		assertThat(sara.all(By.id("found"))).isEmpty();
		assertNothingStillLoading(sara);
		Accessibility.assertNoSeriousViolations(sara, "a support search that finds nothing");
	}

	/** The window as format.js shows it, computed independently in the viewer's zone. */
	private static String expectedWindow(Instant from, Instant to, ZoneId zone) {
		DateTimeFormatter day = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);
		DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
		ZonedDateTime start = from.atZone(zone);
		ZonedDateTime end = to.atZone(zone);
		return start.toLocalDate().equals(end.toLocalDate())
				? day.format(start) + " " + time.format(start) + "–" + time.format(end)
				: day.format(start) + " " + time.format(start) + " – " + day.format(end) + " " + time.format(end);
	}

	/**
	 * The digits a person types into a date field: its parts come in the browser's locale's order (month first in
	 * en-US, day first in en-GB), which the browser is asked for rather than guessed.
	 */
	private static String typedDate(Browser browser, LocalDate date) {
		String order = (String) browser.script("""
				return new Intl.DateTimeFormat(navigator.language).formatToParts(new Date(2000, 10, 22))
				  .filter((part) => part.type !== 'literal').map((part) => part.type).join(',');""");
		StringBuilder digits = new StringBuilder();
		for (String part : order.split(",")) {
			digits.append(switch (part) {
				case "day" -> "%02d".formatted(date.getDayOfMonth());
				case "month" -> "%02d".formatted(date.getMonthValue());
				case "year" -> String.valueOf(date.getYear());
				default -> throw new IllegalStateException("A date part the field does not have: " + part);
			});
		}
		return digits.toString();
	}

	private static void assertFitsThePhone(Browser phone, String page) {
		assertThat((Long) phone.script("return document.documentElement.scrollWidth")).as("sideways scrolling on %s", page)
			.isLessThanOrEqualTo((Long) phone.script("return window.innerWidth"));
	}

	private static void assertNothingStillLoading(Browser browser) {
		assertThat(browser.all(By.cssSelector(".loading"))).as("a loading message left on the page").isEmpty();
	}

	/** Keys typed into whatever has the focus, as a person at a keyboard does: no element is clicked. */
	private static void press(Browser browser, CharSequence... keys) {
		new Actions(browser.driver()).sendKeys(keys).perform();
	}

	/**
	 * Tabs forward until the element with this id has the focus; every element the focus moves onto on the way must
	 * show it with an outline. Tab also steps through a date field's own parts (month, day, year, calendar button),
	 * which the browser highlights inside the field where no page style reaches: those steps are not checked.
	 */
	private static void tabTo(Browser browser, String id) {
		Object before = browser.script("return document.activeElement");
		for (int presses = 0; presses < 30; presses++) {
			press(browser, Keys.TAB);
			Object focused = browser.script("return document.activeElement");
			if (focused.equals(before)) {
				continue;
			}
			before = focused;
			String outline = (String) browser.script(
					"const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth;");
			String element = (String) browser.script("return document.activeElement.outerHTML.substring(0, 120)");
			assertThat(outline).as("visible focus on %s", element).doesNotStartWith("none").doesNotEndWith(" 0px");
			if (id.equals(browser.script("return document.activeElement.id"))) {
				return;
			}
		}
		throw new AssertionError("Tab never reached #" + id);
	}

}
