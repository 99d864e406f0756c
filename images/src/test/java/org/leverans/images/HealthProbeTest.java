package org.leverans.images;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HealthProbeTest {

	private HttpServer server;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/up", exchange -> {
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		this.server.createContext("/down", exchange -> {
			exchange.sendResponseHeaders(503, -1);
			exchange.close();
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void healthyWhenTheAddressAnswersSuccess() {
		assertThat(HealthProbe.healthy(address("/up"))).isTrue();
	}

	@Test
	void unhealthyWhenTheAddressAnswersAnError() {
		assertThat(HealthProbe.healthy(address("/down"))).isFalse();
	}

	@Test
	void unhealthyWhenNothingListens() {
		int port = this.server.getAddress().getPort();
		this.server.stop(0);

		assertThat(HealthProbe.healthy(URI.create("http://127.0.0.1:" + port + "/up"))).isFalse();
	}

	private URI address(String path) {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + path);
	}
}
