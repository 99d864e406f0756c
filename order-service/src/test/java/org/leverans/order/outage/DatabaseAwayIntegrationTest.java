package org.leverans.order.outage;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.leverans.testsupport.DemoIds;
import org.leverans.testsupport.infrastructure.CrashablePostgres;
import org.leverans.testsupport.infrastructure.StandIns;
import org.leverans.testsupport.infrastructure.TestInfrastructure;
import org.leverans.testsupport.security.TestCaller;
import org.leverans.testsupport.security.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * order-service with its own PostgreSQL, crashed like a machine losing power (every server process killed): while
 * it is away, requests are answered 503 with {@code Retry-After} as a problem, never a 500 or Spring's default body;
 * once it is back, the same request succeeds without a restart of the service.
 */
@SpringBootTest(properties = { "leverans.messaging.retry-interval=50ms", "leverans.services.agreement-timeout=1s" })
@AutoConfigureMockMvc
class DatabaseAwayIntegrationTest {

	private static final CrashablePostgres postgres = CrashablePostgres.start("orders");

	private static final WireMockServer agreementStandIn = StandIns.wireMock("agreement-service");

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> postgres.jdbcUrl("orders"));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
		registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrapServers);
		registry.add("leverans.services.agreement-uri", agreementStandIn::baseUrl);
	}

	@AfterAll
	static void stopPostgres() {
		postgres.close();
	}

	@Autowired
	MockMvc mvc;

	@Test
	void answersServiceUnavailableWithRetryAfterWhileTheDatabaseIsAwayAndRecoversWhenItIsBack() throws Exception {
		agreementStandIn.stubFor(WireMock.post("/api/catalog/codes").willReturn(WireMock.okJson("{\"unknown\":[]}")));
		place().andExpect(status().isAccepted());

		postgres.crash();
		try {
			unavailable(place());
			unavailable(this.mvc.perform(get("/api/orders/{id}", UUID.randomUUID()).with(anna())));
			unavailable(this.mvc.perform(get("/api/orders").with(anna())));
		}
		finally {
			postgres.restart();
		}

		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> place().andReturn().getResponse().getStatus() == 202);
	}

	private static void unavailable(ResultActions answer) throws Exception {
		answer.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:leverans:problem:service-unavailable"))
			.andExpect(jsonPath("$.status").value(503));
	}

	private ResultActions place() throws Exception {
		return this.mvc.perform(post("/api/orders").with(anna())
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"deliveryMode":"COMPLETE","requestedDelivery":{"date":"%s","from":"07:00","to":"09:00"},
					 "lines":[{"sku":"CEM-25KG","quantity":40,"packageSize":"PALLET","siteId":"%s"}]}"""
				.formatted(LocalDate.now().plusDays(10), DemoIds.JATKASAARI)));
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor anna() {
		return TestJwts.jwt(TestCaller.orderer("anna", DemoIds.RAKENNUS));
	}
}
