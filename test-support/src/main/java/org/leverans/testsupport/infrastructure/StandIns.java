package org.leverans.testsupport.infrastructure;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * HTTP stand-ins for the services and partners a service calls. Each is started once per test JVM and kept, like
 * {@link TestInfrastructure}'s broker and database: its URL goes into the shared Spring context, which must not
 * see it move. Tests reset and stub it themselves.
 */
public final class StandIns {

	private StandIns() {
	}

	/** A WireMock server on a free port, stopped when the test JVM ends; {@code name} names its shutdown thread. */
	public static WireMockServer wireMock(String name) {
		WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop, name + "-stand-in-shutdown"));
		return server;
	}
}
