package org.leverans.e2e;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The browsers a spec opens: kept as screenshots when the spec fails (before anything closes them), and closed
 * after each spec whatever happened.
 */
final class Browsers implements AfterTestExecutionCallback, AfterEachCallback {

	private final List<Browser> open = new ArrayList<>();

	Browser desktop(URI gateway) {
		return keep(Browser.desktop(gateway));
	}

	Browser desktop(URI gateway, String timeZone) {
		return keep(Browser.desktop(gateway, timeZone));
	}

	Browser desktopInTokenLanguage(URI gateway) {
		return keep(Browser.desktopInTokenLanguage(gateway));
	}

	Browser phone(URI gateway) {
		return keep(Browser.phone(gateway));
	}

	private Browser keep(Browser browser) {
		this.open.add(browser);
		return browser;
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		if (context.getExecutionException().isEmpty()) {
			return;
		}
		for (int i = 0; i < this.open.size(); i++) {
			try {
				this.open.get(i).keepForFailure(context.getRequiredTestClass().getSimpleName() + "-"
						+ context.getRequiredTestMethod().getName() + "-" + i);
			}
			catch (RuntimeException ex) {
				context.getExecutionException().get().addSuppressed(ex);
			}
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		for (Browser browser : this.open) {
			browser.close();
		}
		this.open.clear();
	}

}
