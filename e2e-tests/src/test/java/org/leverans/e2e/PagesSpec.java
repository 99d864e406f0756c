package org.leverans.e2e;

import java.net.URI;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every browser spec stands on: the one shared platform (started once per test JVM) and a fresh set of
 * headless Chromium windows per test, closed afterwards and kept as screenshots when a test fails.
 */
abstract class PagesSpec {

	@RegisterExtension
	final Browsers browsers = new Browsers();

	static RunningLeverans leverans;

	static URI gateway;

	@BeforeAll
	static void startPlatform() {
		leverans = RunningLeverans.shared();
		gateway = leverans.gateway();
	}

}
