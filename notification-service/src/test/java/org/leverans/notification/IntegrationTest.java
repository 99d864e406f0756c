package org.leverans.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.leverans.contracts.agreement.AgreementActivated;
import org.leverans.contracts.validation.DeliverySite;
import org.leverans.testsupport.events.EventProducer;
import org.leverans.testsupport.infrastructure.FreePorts;
import org.leverans.testsupport.infrastructure.StandIns;
import org.leverans.testsupport.infrastructure.TestInfrastructure;
import org.leverans.testsupport.metrics.Scrape;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * One application context for every integration test class (the context cache reuses it): the real service on a
 * random port, against the test PostgreSQL and Kafka, with short heartbeats so tests can watch them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "leverans.stream.heartbeat-interval=200ms", "leverans.stream.poll-interval=1s",
			"leverans.arrival-alerts.check-interval=200ms", "leverans.mail.check-interval=200ms",
			"leverans.webhooks.check-interval=200ms",
			"leverans.webhooks.retry-schedule=200ms,200ms,200ms", "leverans.webhooks.disable-after-failures=2" })
@Import(TestTokens.Decoder.class)
public abstract class IntegrationTest {

	private static final EventProducer events = new EventProducer(JsonMapper.builder().findAndAddModules().build());

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcTemplate jdbc;

	/** The mail server, started once per test JVM like the database and Kafka. */
	protected static final GreenMail mail = startMail();

	/**
	 * agreement-service, asked for the caller's agreement when a site is not known here yet. Unstubbed calls answer
	 * 404, as for a company with no agreement in force; tests stub {@code /api/agreements/current} per token.
	 */
	protected static final WireMockServer agreementService = StandIns.wireMock("agreement-service");

	private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@DynamicPropertySource
	static void infra(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "notification");
		registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
		registry.add("leverans.services.agreement-uri", agreementService::baseUrl);
	}

	private static GreenMail startMail() {
		GreenMail server = new GreenMail(new ServerSetup(FreePorts.any(), "localhost", ServerSetup.PROTOCOL_SMTP));
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "test-mail-shutdown"));
		return server;
	}

	/** The e-mails the mail server received for one address so far. */
	protected static List<MimeMessage> mailTo(String address) {
		return Arrays.stream(mail.getReceivedMessages()).filter(message -> {
			try {
				return Arrays.stream(message.getAllRecipients()).anyMatch(to -> to.toString().equals(address));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	protected HttpResponse<String> call(String method, String path, String token, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json)
					: HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** What Prometheus would read from this instance now. */
	protected Scrape scrape() {
		return Scrape.of(call("GET", "/actuator/prometheus", null, null).body());
	}

	protected EventProducer events() {
		return events;
	}

	protected SseClient stream(String token) {
		return SseClient.connect(this.port, token);
	}

	protected SseClient resume(String token, long lastEventId) {
		return SseClient.connect(this.port, token, lastEventId);
	}

	protected int rowsAbout(UUID orderId) {
		return this.jdbc.queryForObject("SELECT count(*) FROM stream_event WHERE order_id = ?", Integer.class,
				orderId);
	}

	/** The customer's agreement names the site, as agreement-service announces it; waits until it is known. */
	protected void agreementNames(UUID customerId, UUID siteId) {
		AgreementActivated activated = new AgreementActivated(UUID.randomUUID(), "AG-TEST", customerId, 1,
				LocalDate.of(2026, 1, 1), null, LocalDate.of(2026, 1, 1), List.of(new DeliverySite(siteId,
						"Site Kalasatama", "Street 1", "00100", "Helsinki", "FI", "Mikko", "+358 40 1234567")));
		events().publish(activated.agreementId(), activated);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.jdbc.queryForObject(
				"SELECT count(*) FROM agreement_site WHERE site_id = ?", Integer.class, siteId) == 1);
	}
}
