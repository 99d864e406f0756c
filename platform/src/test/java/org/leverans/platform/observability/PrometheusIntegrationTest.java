package org.leverans.platform.observability;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverans.platform.process.HttpProbe;
import org.leverans.platform.process.Readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The real Prometheus (Debian's package) scraping a stand-in order-service, and the provisioned dashboard rendered
 * from what it scraped. Skipped where no prometheus binary is installed.
 */
class PrometheusIntegrationTest {

	private static final String EXPOSITION = """
			# TYPE leverans_orders gauge
			leverans_orders{application="order-service",status="PLACED"} 7.0
			leverans_orders{application="order-service",status="ACCEPTED"} 3.0
			# TYPE leverans_delivery_window_promises_total counter
			leverans_delivery_window_promises_total{application="delivery-service",carrier="nordic-freight",horizon="1h",outcome="hit"} 9.0
			leverans_delivery_window_promises_total{application="delivery-service",carrier="nordic-freight",horizon="1h",outcome="miss"} 1.0
			# TYPE kafka_consumer_fetch_manager_records_lag gauge
			kafka_consumer_fetch_manager_records_lag{application="order-service",\
			partition="0",topic="leverans.order.v1"} 4.0
			kafka_consumer_fetch_manager_records_lag{application="order-service",\
			partition="1",topic="leverans.order.v1"} 12.0
			kafka_consumer_fetch_manager_records_lag{application="order-service",\
			partition="0",topic="leverans_order_v1"} 4.0
			kafka_consumer_fetch_manager_records_lag{application="order-service",\
			partition="1",topic="leverans_order_v1"} 12.0
			# TYPE kafka_consumer_fetch_manager_records_lag_max gauge
			kafka_consumer_fetch_manager_records_lag_max{application="order-service",client_id="c-1"} NaN
			kafka_consumer_fetch_manager_records_lag_max{application="order-service",\
			partition="0",topic="leverans.order.v1"} NaN
			kafka_consumer_fetch_manager_records_lag_max{application="order-service",\
			partition="1",topic="leverans.order.v1"} 12.0
			kafka_consumer_fetch_manager_records_lag_max{application="order-service",\
			partition="1",topic="leverans_order_v1"} 12.0
			""";

	@TempDir
	Path home;

	HttpServer service;

	PrometheusServer prometheus;

	@BeforeEach
	void serveMetrics() throws IOException {
		this.service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.service.createContext("/actuator/prometheus", (exchange) -> {
			byte[] body = EXPOSITION.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.service.start();
	}

	@AfterEach
	void stop() {
		if (this.prometheus != null) {
			this.prometheus.stop();
		}
		this.service.stop(0);
	}

	@Test
	void scrapesTheServicesAndRendersTheDashboardFromWhatItScraped() throws Exception {
		startPrometheus();

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			HttpResponse<String> dashboard = HttpProbe.get(this.prometheus.dashboardUrl());
			assertThat(dashboard.statusCode()).isEqualTo(200);
			assertThat(dashboard.body()).contains("Order flow", "Consumer lag", "Errors",
					"Delivery-window hit rate by carrier")
				.containsPattern("<td>PLACED</td><td class=\"n\">7</td>")
				.contains("<td>nordic-freight</td>");
		});
	}

	@Test
	void showsEachConsumersLagOncePerTopicUnderItsOwnNameAndNeverNaN() throws Exception {
		startPrometheus();

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			String lag = section(HttpProbe.get(this.prometheus.dashboardUrl()).body(), "Consumer lag");
			assertThat(lag).containsPattern(
					"<td>order-service</td><td>leverans\\.order\\.v1</td>\\s*<td class=\"n\">12</td>")
				.doesNotContain("leverans_order_v1", "NaN", "no consumer reported yet");
		});
	}

	private void startPrometheus() throws Exception {
		Path binary = PrometheusServer.binary(System.getenv()).orElse(null);
		assumeThat(binary).as("a prometheus binary (apt-get install prometheus)").isNotNull();
		int port = freePort();
		PrometheusConfig config = new PrometheusConfig(
				Map.of("order-service", List.of("127.0.0.1:" + this.service.getAddress().getPort())), null,
				"http://127.0.0.1:1/oauth2/token", "supplier-erp", "demo-secret");

		this.prometheus = PrometheusServer.start(binary, this.home.resolve("prometheus"), port, config,
				this.home.resolve("prometheus.log"));
		Readiness.await(PrometheusServer.NAME, this.prometheus.childProcess(), Duration.ofMinutes(1), () -> false,
				this.prometheus::answers);
	}

	/** The dashboard's section under the given heading, up to the next one. */
	private static String section(String dashboard, String heading) {
		int start = dashboard.indexOf("<h2>" + heading + "</h2>");
		assertThat(start).as("the section " + heading).isNotNegative();
		int end = dashboard.indexOf("</section>", start);
		return dashboard.substring(start, end);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
