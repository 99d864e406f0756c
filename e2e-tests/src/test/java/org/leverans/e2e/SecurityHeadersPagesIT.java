package org.leverans.e2e;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages' security headers as a real Chromium gets and enforces them: the pages work under their policy, and what
 * the policy is for (code slipped into a page, another page framing it) does not.
 */
class SecurityHeadersPagesIT extends PagesSpec {

	/** What a page's own script reads of the headers its page came with. */
	private static final String HEADERS_OF = """
			return fetch(arguments[0]).then((answer) => ['content-security-policy', 'x-frame-options',
				'x-content-type-options', 'referrer-policy'].map((name) => answer.headers.get(name)));
			""";

	@Test
	void pagesComeWithTheirPolicyAndRunUnderIt() {
		Browser anna = this.browsers.desktop(gateway).signIn("/buyer/orders.html", "anna");
		anna.waitFor(By.cssSelector("main h1"));

		for (String page : List.of("/", "/buyer/orders.html")) {
			@SuppressWarnings("unchecked")
			List<String> headers = (List<String>) anna.script(HEADERS_OF, page);
			assertThat(headers).as(page)
				.containsExactly("default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
						+ "frame-ancestors 'none'", "DENY", "nosniff", "same-origin");
		}

		anna.go("/");
		assertThat(anna.waitForText(By.id("who"), "Signed in as").getText())
			.as("the landing page's own script runs under the policy")
			.contains("Anna Virtanen");
	}

	@Test
	void anInlineScriptSlippedIntoAPageDoesNotRun() {
		Browser visitor = this.browsers.desktop(gateway);
		visitor.go("/");
		visitor.waitForText(By.id("who"), "not signed in");

		Object ran = visitor.script("""
				const slipped = document.createElement('script');
				slipped.textContent = 'window.slippedIn = true;';
				document.body.append(slipped);
				return window.slippedIn === true;
				""");

		assertThat(ran).isEqualTo(false);
	}

	@Test
	void noPageCanBeShownInAFrame() {
		Browser visitor = this.browsers.desktop(gateway);
		visitor.go("/");
		visitor.waitForText(By.id("who"), "not signed in");

		Object framed = visitor.script("""
				const frame = document.createElement('iframe');
				frame.src = '/';
				const loaded = new Promise((resolve) => frame.addEventListener('load', resolve));
				document.body.append(frame);
				return loaded.then(() => {
					try {
						return frame.contentDocument?.querySelector('h1')?.textContent ?? null;
					}
					catch (blocked) {
						return null;
					}
				});
				""");

		assertThat(framed).as("what the frame shows of the landing page").isNull();
	}

}
