package org.leverans.e2e;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agreement manager's reports page in a real browser: each report's chart drawn by the vendored uPlot and its
 * table showing exactly the figures the API answers the same person, its CSV download the same rows, the
 * parameters chosen and sent with the keyboard, the accessibility check, a phone's width, and a page that is not
 * for an orderer.
 */
class ReportPagesIT extends PagesSpec {

	static final List<String> REPORTS = List.of("spend-by-month", "spend-by-group", "on-time-by-site",
			"on-time-by-carrier", "open-and-overdue");

	/** What the page's own script gets from a path of the API: status, content type, disposition and body. */
	private static final String FETCH = """
			return fetch(arguments[0]).then((r) => r.text().then((body) => [r.status,
				r.headers.get('content-type'), r.headers.get('content-disposition'), body]));
			""";

	@Test
	void anAgreementManagerSeesEachReportAsAChartWithTheApisFiguresBesideItAndDownloadsThemAsCsv() {
		InvoicePagesIT.invoicedOrder("PO-REPORT");

		Browser liisa = this.browsers.desktop(gateway).signIn("/buyer/reports.html", "liisa");
		for (String report : REPORTS) {
			liisa.waitFor(By.cssSelector("#" + report + " table"));
			liisa.waitFor(By.cssSelector("#" + report + " .chart canvas"));
			assertTableShowsTheApisRows(liisa, report);
			assertCsvHasTheApisRows(liisa, report);
		}
		assertThat(liisa.waitFor(By.cssSelector("#open-and-overdue .report-summary")).getText())
			.as("the invoice just made is unpaid")
			.startsWith("Open ")
			.doesNotStartWith("Open 0.00");
		assertThat(liisa.all(By.cssSelector("#on-time-by-carrier tbody th"))).extracting(WebElement::getText)
			.contains("Nordic Freight");
		assertThat(liisa.all(By.cssSelector("header.site nav a"))).extracting(WebElement::getText).contains("Reports");
		Accessibility.assertNoSeriousViolations(liisa, "the reports");
		liisa.screenshotForDocs("buyer-reports");

		// One month and one product group, chosen and sent with the keyboard.
		String thisMonth = YearMonth.now(ZoneId.of("Europe/Helsinki")).toString();
		String group = liisa.waitFor(By.cssSelector("#table-spend-by-group tbody tr")).getAttribute("data-key");
		liisa.setValue(By.id("from"), thisMonth);
		liisa.setValue(By.id("to"), thisMonth);
		liisa.waitUntil(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("#group option[value='" + group + "']")));
		liisa.setValue(By.id("group"), group);
		liisa.script("document.getElementById('group').focus()");
		tabTo(liisa, By.cssSelector("#parameters button[type='submit']"));
		new Actions(liisa.driver()).sendKeys(Keys.ENTER).perform();
		liisa.waitUntil(ExpectedConditions.urlContains("group=" + group));
		liisa.waitFor(By.cssSelector("#spend-by-month table"));
		assertThat(liisa.all(By.cssSelector("#table-spend-by-month tbody tr"))).hasSize(1);
		assertTableShowsTheApisRows(liisa, "spend-by-month");
		assertThat(liisa.waitFor(By.id("from")).getAttribute("value")).isEqualTo(thisMonth);

		Browser phone = this.browsers.phone(gateway).signIn("/buyer/reports.html", "liisa");
		phone.waitFor(By.cssSelector("#open-and-overdue .chart canvas"));
		phone.waitFor(By.cssSelector("#on-time-by-carrier .chart canvas"));
		assertThat((Long) phone.script("return document.documentElement.scrollWidth")).as("sideways scrolling")
			.isLessThanOrEqualTo((Long) phone.script("return window.innerWidth"));
	}

	@Test
	void anOrdererIsToldTheReportsAreForAgreementManagersAndTheApiRefusesHer() {
		Browser anna = this.browsers.desktop(gateway).signIn("/buyer/reports.html", "anna");

		assertThat(anna.waitFor(By.cssSelector("main .notice")).getText()).contains("Agreement manager");
		assertThat(anna.all(By.cssSelector("header.site nav a"))).extracting(WebElement::getText)
			.doesNotContain("Reports");
		@SuppressWarnings("unchecked")
		List<Object> answer = (List<Object>) anna.script(FETCH, "/api/reports/spend");
		assertThat(answer.get(0)).isEqualTo(403L);
		Accessibility.assertNoSeriousViolations(anna, "reports that are not the visitor's");
	}

	/** The table has a row per row of the API's answer to the same person, with the same figures. */
	private static void assertTableShowsTheApisRows(Browser browser, String report) {
		List<Map<String, Object>> rows = apiRows(browser, report);
		List<WebElement> shown = browser.all(By.cssSelector("#table-" + report + " tbody tr"));
		assertThat(shown).as(report).hasSize(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			Map<String, Object> row = rows.get(i);
			List<String> cells = shown.get(i).findElements(By.tagName("td")).stream().map(WebElement::getText)
				.toList();
			if (report.startsWith("spend")) {
				assertThat(figure(cells.get(0))).as(report + " " + row).isEqualTo(row.get("net"));
			}
			else if (report.startsWith("on-time")) {
				assertThat(cells.stream().map((cell) -> cell.replace(",", "")).toList()).as(report + " " + row)
					.containsExactly(String.valueOf(row.get("delivered")),
						String.valueOf(row.get("onTime")), percent(row.get("rate")));
			}
			else {
				assertThat(cells.get(0).replace(",", "")).as(report + " " + row)
					.isEqualTo(String.valueOf(row.get("invoices")));
				assertThat(figure(cells.get(1))).as(report + " " + row).isEqualTo(row.get("open"));
			}
		}
	}

	/** The CSV link downloads a file with a header row and the API's rows, in order. */
	@SuppressWarnings("unchecked")
	private static void assertCsvHasTheApisRows(Browser browser, String report) {
		String href = browser.waitFor(By.cssSelector("#" + report + " a.csv")).getAttribute("href");
		List<Object> answer = (List<Object>) browser.script(FETCH, href);
		assertThat(answer.get(0)).isEqualTo(200L);
		assertThat((String) answer.get(1)).startsWith("text/csv");
		assertThat((String) answer.get(2)).startsWith("attachment; filename=");
		List<String> lines = ((String) answer.get(3)).lines().toList();
		List<String> columns = columnsOf(report);
		assertThat(lines.get(0)).as(report).isEqualTo(String.join(",", columns));
		List<String> expected = new ArrayList<>();
		for (Map<String, Object> row : apiRows(browser, report)) {
			expected.add(String.join(",", columns.stream().map((column) -> csvValue(column, row.get(column))).toList()));
		}
		assertThat(lines.subList(1, lines.size())).as(report).containsExactlyElementsOf(expected);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> apiRows(Browser browser, String report) {
		String href = browser.waitFor(By.cssSelector("#" + report + " a.csv")).getAttribute("href")
			.replaceAll("[?&]format=csv$", "");
		Map<String, Object> answer = (Map<String, Object>) browser
			.script("return fetch(arguments[0]).then((r) => r.json());", href);
		return (List<Map<String, Object>>) answer.get("rows");
	}

	/** "1,234.50 EUR" → "1234.50", as the API writes money. */
	private static String figure(String money) {
		return money.replaceAll("[^0-9.\\-−]", "").replace('−', '-');
	}

	/** 0.5 → "50%", 0.333 → "33.3%", as the page writes a rate in English. */
	private static String percent(Object rate) {
		return new BigDecimal(String.valueOf(rate)).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
	}

	/** The report's CSV columns, as docs/api.md names them. */
	private static List<String> columnsOf(String report) {
		if (report.startsWith("spend")) {
			return List.of("key", "currency", "net");
		}
		return report.startsWith("on-time") ? List.of("key", "name", "delivered", "onTime", "rate")
				: List.of("age", "currency", "invoices", "open");
	}

	/** A JSON value as the CSV writes it: a rate with the API's three decimals, a text with a comma quoted. */
	private static String csvValue(String column, Object value) {
		if (column.equals("rate")) {
			return new BigDecimal(String.valueOf(value)).setScale(3).toPlainString();
		}
		String text = String.valueOf(value);
		return (text.contains(",") || text.contains("\"")) ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
	}

	/** Tabs forward until the element has the focus, as a person at a keyboard does. */
	private static void tabTo(Browser browser, By locator) {
		WebElement target = browser.waitFor(locator);
		for (int presses = 0; presses < 30; presses++) {
			if (target.equals(browser.script("return document.activeElement"))) {
				return;
			}
			new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
		}
		assertThat(browser.script("return document.activeElement")).as("focus after 30 tabs").isEqualTo(target);
	}
}
