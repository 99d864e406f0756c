package org.leverans.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page in Finnish, Swedish and English: in the language of the person's token when they have chosen none, and
 * in the one they pick from the page's menu, which then holds on every page. Texts are checked against the gateway's
 * own message bundles, and no page may show a key instead of a text; dates and money are written as each language
 * writes them.
 */
class LanguagesPagesIT extends PagesSpec {

	static final Path MESSAGES = Path.of("../gateway/src/main/resources/static/assets/messages");

	static final List<String> LANGUAGES = List.of("fi", "sv", "en");

	/** A day and time as each language writes them: "ti 24.11. 07.05", "tis 24 nov. 07:05", "Tue 24 Nov 07:05". */
	static final Map<String, Pattern> DATE_TIME = Map.of(
			"fi", Pattern.compile("(ma|ti|ke|to|pe|la|su) \\d{1,2}\\.\\d{1,2}\\. \\d{2}[.:]\\d{2}"),
			"sv", Pattern.compile("(mån|tis|ons|tors|fre|lör|sön) \\d{1,2} [a-zåäö]+\\.? \\d{2}[.:]\\d{2}"),
			"en", Pattern.compile("(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \\d{1,2} [A-Z][a-z]{2} \\d{2}:\\d{2}"));

	/** Money: a decimal comma in Finnish and Swedish (groups of thousands by a space), a point in English. */
	static final Map<String, Pattern> MONEY = Map.of(
			"fi", Pattern.compile("\\d{1,3}([\\s\u00a0\u202f]\\d{3})*,\\d{2} EUR"),
			"sv", Pattern.compile("\\d{1,3}([\\s\u00a0\u202f]\\d{3})*,\\d{2} EUR"),
			"en", Pattern.compile("\\d{1,3}(,\\d{3})*\\.\\d{2} EUR|\\d{4}\\.\\d{2} EUR"));

	static String orderId;

	static String orderNumber;

	@BeforeAll
	static void annaHasAnOrder() {
		BrowserSession anna = BrowserSession.signIn(gateway, "anna", "demo");
		Api.Response placed = anna.post("/api/orders", OrderToDeliveryIT.order("PO-LANG-"
				+ UUID.randomUUID().toString().substring(0, 8), "CEM-25KG", 10, OrderToDeliveryIT.JATKASAARI),
				Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(placed.status()).as(placed.toString()).isEqualTo(202);
		orderId = placed.json().get("id").asString();
		Api rakennusErp = leverans.client("rakennus-erp");
		Orders.awaitShipment(rakennusErp, orderId);
		orderNumber = rakennusErp.get("/api/orders/" + orderId).json().get("orderNumber").asString();
	}

	@Test
	void pagesSpeakTheLanguageOfTheTokenUntilThePersonChoosesAnother() {
		Browser erik = this.browsers.desktopInTokenLanguage(gateway).signIn("/buyer/catalog.html", "erik");
		expectPage(erik, "sv", "nav.catalog");
		assertThat(erik.waitFor(By.cssSelector("header.site nav")).getText()).contains(text("sv", "nav.orders"));
		assertThat(erik.waitFor(By.cssSelector("#catalog .price")).getText()).matches("\\d+,\\d{2} [A-Z]{3}");

		Browser anna = this.browsers.desktopInTokenLanguage(gateway).signIn("/buyer/orders.html", "anna");
		expectPage(anna, "fi", "orders.heading");
		assertThat(anna.waitFor(By.cssSelector("header.site .who-role")).getText()).isEqualTo("Tilaaja");
		Accessibility.assertNoSeriousViolations(anna, "the order history in Finnish");

		// Her own choice outlasts the page: the next page is in it too, whatever the token says.
		choose(anna, "en");
		expectPage(anna, "en", "orders.heading");
		anna.go("/buyer/catalog.html");
		expectPage(anna, "en", "nav.catalog");
		anna.go("/");
		anna.waitForText(By.id("who"), "Signed in as Anna Virtanen");
		assertThat(anna.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
	}

	@Test
	void theBuyersPagesInEachLanguageWithDatesAndMoneyAsTheLanguageWritesThem() {
		Browser anna = this.browsers.desktop(gateway).signIn("/buyer/catalog.html", "anna");
		for (String language : LANGUAGES) {
			choose(anna, language);
			expectPage(anna, language, "nav.catalog");
			assertThat(anna.waitFor(By.cssSelector("#catalog tr[data-sku='CEM-25KG'] .price")).getText())
				.matches(MONEY.get(language));

			anna.go("/buyer/quick-order.html");
			expectPage(anna, language, "nav.quickOrder");
			assertThat(anna.waitFor(By.cssSelector("label[for=lines]")).getText()).isEqualTo(text(language, "quick.lines"));

			anna.go("/buyer/orders.html");
			expectPage(anna, language, "orders.heading");
			String placed = anna.waitFor(By.cssSelector("#orders tr[data-order-id='" + orderId + "'] td[data-label='"
					+ text(language, "orders.col.placed") + "']")).getText();
			assertThat(placed).matches(DATE_TIME.get(language));

			anna.go("/buyer/order.html?id=" + orderId);
			expectPage(anna, language, "orderDetail.heading");
			anna.waitForText(By.tagName("h1"), orderNumber);
			// The order page redraws when its live stream opens: read what it shows then, not an element it replaced.
			anna.waitUntil(ExpectedConditions.textMatches(By.cssSelector(".totals strong"), MONEY.get(language)));
			anna.waitForText(By.id("status-history"), text(language, "code.PLACED"));

			anna.go("/buyer/invoices.html");
			expectPage(anna, language, "nav.invoices");

			anna.go("/buyer/invoice.html?id=" + UUID.randomUUID());
			expectPage(anna, language, "invoice.heading");
			anna.waitForText(By.id("not-found"), text(language, "invoice.notFound"));

			anna.go("/");
			anna.waitForText(By.id("account"), text(language, "landing.account"));
			assertThat(anna.driver().findElement(By.cssSelector("#pages")).getText()).contains(text(language, "nav.orders"));
			noRawKeys(anna);
			anna.go("/buyer/catalog.html");
		}
	}

	@Test
	void theReceiversManagersAndCustomerServicesPagesInEachLanguage() {
		Browser liisa = this.browsers.desktop(gateway).signIn("/buyer/approvals.html", "liisa");
		Browser mikko = this.browsers.desktop(gateway).signIn("/receiver/arrivals.html", "mikko");
		Browser sara = this.browsers.desktop(gateway).signIn("/support/search.html", "sara");
		for (String language : LANGUAGES) {
			choose(liisa, language);
			expectPage(liisa, language, "approvals.heading");
			liisa.waitForText(By.id("limits-heading"), text(language, "approvals.limits"));
			liisa.go("/buyer/reports.html");
			expectPage(liisa, language, "nav.reports");
			liisa.waitForText(By.id("heading-open-and-overdue"), text(language, "reports.openAndOverdue"));
			liisa.go("/buyer/approvals.html");

			choose(mikko, language);
			expectPage(mikko, language, "nav.arrivals");
			assertThat(mikko.waitFor(By.cssSelector(".arrival[data-order-number='" + orderNumber + "']")).getText())
				.contains(text(language, "arrivals.details"));

			choose(sara, language);
			expectPage(sara, language, "nav.search");
			sara.go("/support/search.html?q=" + orderNumber);
			expectPage(sara, language, "nav.search");
			assertThat(sara.waitFor(By.cssSelector("#found td.customer")).getText()).isNotBlank();

			sara.go("/support/order.html?id=" + orderId);
			sara.waitForText(By.tagName("h1"), orderNumber);
			expectPage(sara, language, "orderDetail.heading");
			sara.waitForText(By.id("follow"), text(language, "timeline.follow"));
			assertThat(sara.waitFor(By.id("timeline")).getText()).contains(text(language, "event.OrderPlaced"));

			sara.go("/support/credit-reviews.html");
			expectPage(sara, language, "nav.creditReviews");

			sara.go("/admin/delivery-accuracy.html");
			expectPage(sara, language, "nav.deliveryAccuracy");
			sara.waitForText(By.id("about"), text(language, "accuracy.about").substring(0, 30));

			sara.go("/support/search.html");
		}
	}

	/** Picks a language from the page's menu, which reloads the page in it. */
	static void choose(Browser browser, String language) {
		new Select(browser.waitFor(By.id("language"))).selectByValue(language);
		browser.waitFor(By.cssSelector("html[lang='" + language + "'] header.site .who"));
		browser.waitUntil(ExpectedConditions.attributeToBe(By.id("language"), "value", language));
	}

	/**
	 * The page has loaded in the language: html lang, its heading, the header's navigation and sign out, the footer,
	 * nothing left loading, and no key shown where a text belongs.
	 */
	static void expectPage(Browser browser, String language, String headingKey) {
		browser.waitFor(By.cssSelector("html[lang='" + language + "'] header.site .who"));
		browser.waitUntil(ExpectedConditions.numberOfElementsToBe(By.cssSelector("main .loading"), 0));
		browser.waitForText(By.tagName("h1"), text(language, headingKey));
		assertThat(browser.driver().findElement(By.cssSelector("header.site .sign-out button")).getText())
			.isEqualTo(text(language, "layout.signOut"));
		assertThat(browser.driver().findElement(By.cssSelector("footer.site")).getText())
			.startsWith(text(language, "layout.timeZone").replaceAll("\\s*\\(\\{zone}\\)\\.?$", ""));
		assertThat(browser.driver().getTitle()).endsWith(" · Leverans");
		noRawKeys(browser);
	}

	/** A key's namespace followed by a dot and a name ("orders.heading") is a text the bundle did not have. */
	static void noRawKeys(Browser browser) {
		String shown = browser.driver().findElement(By.tagName("body")).getText();
		assertThat(RAW_KEY.matcher(shown).results().map((m) -> m.group()).toList()).as("keys shown raw").isEmpty();
	}

	static final Map<String, JsonNode> BUNDLES = Map.of("fi", bundle("fi"), "sv", bundle("sv"), "en", bundle("en"));

	static final Pattern RAW_KEY = rawKey();

	static Pattern rawKey() {
		Set<String> namespaces = new TreeSet<>();
		BUNDLES.get("en").properties().forEach((e) -> namespaces.add(e.getKey().substring(0, e.getKey().indexOf('.'))));
		return Pattern.compile("\\b(" + String.join("|", namespaces) + ")\\.[A-Za-z]\\w*");
	}

	/** A message as the language has it; for a plural message its "other" form. */
	static String text(String language, String key) {
		JsonNode message = BUNDLES.get(language).get(key);
		assertThat(message).as("%s in %s.json", key, language).isNotNull();
		return message.isObject() ? message.get("other").asString() : message.asString();
	}

	static JsonNode bundle(String language) {
		try {
			return Api.json.readTree(Files.readString(MESSAGES.resolve(language + ".json")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
