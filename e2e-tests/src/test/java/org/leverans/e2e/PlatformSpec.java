package org.leverans.e2e;

import java.net.URI;

import org.junit.jupiter.api.BeforeAll;

/**
 * What every end-to-end spec stands on: the one platform the test JVM shares, started by the first spec that needs
 * it, and its gateway. Specs that need more (API clients) add a {@code @BeforeAll} of their own, which runs after this
 * one.
 */
abstract class PlatformSpec {

	static RunningLeverans leverans;

	static URI gateway;

	@BeforeAll
	static void startPlatform() {
		leverans = RunningLeverans.shared();
		gateway = leverans.gateway();
	}

}
