package org.leverans.e2e;

import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every browser spec stands on besides the shared platform: a fresh set of headless Chromium windows per
 * test, closed afterwards and kept as screenshots when a test fails.
 */
abstract class PagesSpec extends PlatformSpec {

	@RegisterExtension
	final Browsers browsers = new Browsers();

}
