package org.leverans.e2e;

import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Deque's axe-core run inside the page as it is shown: the WCAG 2.1 A/AA rules and axe's best practices (labels,
 * contrast, names of buttons and links, landmarks, lang). The script comes from the axe-core jar, so nothing is
 * downloaded.
 */
final class Accessibility {

	/** What a person using a screen reader, a keyboard or poor eyesight cannot get past. */
	private static final List<String> BLOCKING = List.of("serious", "critical");

	/**
	 * Landmark and heading rules axe rates only "moderate", but a screen reader user finds their way by them, so
	 * they fail too.
	 */
	private static final List<String> ALWAYS_BLOCKING = List.of("region", "landmark-one-main", "page-has-heading-one",
			"landmark-unique", "landmark-no-duplicate-main", "heading-order", "empty-heading");

	private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa",
			"best-practice");

	private Accessibility() {
	}

	/** Fails with every blocking violation on the page, each with the elements it is found on. */
	static void assertNoSeriousViolations(Browser browser, String page) {
		Results results = new AxeBuilder().withTags(TAGS).analyze(browser.driver());
		assertThat(results.isErrored()).as("axe could not check %s: %s", page, results.getErrorMessage()).isFalse();
		assertThat(results.getPasses()).as("axe checked nothing on %s", page).isNotEmpty();
		List<Rule> blocking = results.getViolations()
			.stream()
			.filter((rule) -> BLOCKING.contains(rule.getImpact()) || ALWAYS_BLOCKING.contains(rule.getId()))
			.toList();
		if (!blocking.isEmpty()) {
			fail("Accessibility violations on %s:%n%s", page, describe(blocking));
		}
	}

	private static String describe(List<Rule> rules) {
		return rules.stream()
			.map((rule) -> "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n"
					+ rule.getNodes().stream().map(Accessibility::describe).collect(Collectors.joining("\n")))
			.collect(Collectors.joining("\n"));
	}

	private static String describe(CheckedNode node) {
		return "    " + node.getTarget() + " " + node.getHtml() + "\n      " + String.valueOf(node.getFailureSummary())
			.replace("\n", "\n      ");
	}

}
