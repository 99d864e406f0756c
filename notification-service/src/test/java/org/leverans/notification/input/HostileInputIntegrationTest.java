package org.leverans.notification.input;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.leverans.notification.IntegrationTest;
import org.leverans.notification.TestTokens;
import org.leverans.testsupport.hostile.HostileBodies;
import org.leverans.testsupport.hostile.HostileQueries;
import org.leverans.testsupport.hostile.HostileRequests;
import org.leverans.testsupport.hostile.StoredRows;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public POST and PUT of notification-service, sent over real HTTP with hostile bodies generated from a valid
 * one: never a 5xx, a problem on every 4xx, and nothing stored when refused.
 */
class HostileInputIntegrationTest extends IntegrationTest {

	private static final int TRIES = 30;

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	DataSource dataSource;

	private final UUID customer = UUID.randomUUID();

	private final UUID site = UUID.randomUUID();

	private final String suffix = UUID.randomUUID().toString().substring(0, 8);

	private final String receiver = TestTokens.person("receiver-" + this.suffix, List.of("RECEIVER"), this.customer,
			List.of(this.site), "receiver-" + this.suffix + "@site.example", "fi", Duration.ofMinutes(10));

	private final String manager = TestTokens.person("manager-" + this.suffix, List.of("AGREEMENT_MANAGER"),
			this.customer, List.of(), null, null, Duration.ofMinutes(10));

	@Test
	void personalAndSiteSubscriptionsSurviveHostileBodies() {
		assertThat(call("GET", "/api/subscriptions/sites/" + this.site, this.receiver, null).statusCode()).isEqualTo(200);
		StoredRows rows = StoredRows.of(this.dataSource,
				"(SELECT * FROM subscriber WHERE subject = 'receiver-" + this.suffix + "')",
				"(SELECT * FROM site_subscription WHERE site_id = '" + this.site + "')");
		HostileRequests.assertSafeOverHttp(HostileBodies.of("""
				{"channels":{"email":["shipment.arriving","shipment.exception"],"live":["shipment.delivered"]},
				 "arrivalLeadMinutes":45}"""), TRIES,
				body -> call("PUT", "/api/subscriptions/me", this.receiver, body), rows::fingerprint);
		HostileRequests.assertSafeOverHttp(HostileBodies.of("""
				{"channels":{"email":["shipment.arriving"]},"arrivalLeadMinutes":60,"alsoNotify":[]}"""), TRIES,
				body -> call("PUT", "/api/subscriptions/sites/" + this.site, this.receiver, body), rows::fingerprint);
	}

	@Test
	void webhookEndpointsSurviveHostileBodies() {
		StoredRows rows = StoredRows.of(this.dataSource,
				"(SELECT * FROM webhook_endpoint WHERE customer_id = '" + this.customer + "')");
		HostileRequests.assertSafeOverHttp(HostileBodies.of("""
				{"url":"https://erp.example/hooks","events":["shipment.delivered","order.confirmed"],
				 "description":"ERP inbound"}"""), TRIES,
				body -> call("POST", "/api/webhooks", this.manager, body), rows::fingerprint);
		HttpResponse<String> created = call("POST", "/api/webhooks", this.manager,
				"{\"url\":\"https://erp.example/hooks\",\"events\":[\"shipment.delivered\"]}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = json.readTree(created.body()).get("id").asString();
		HostileRequests.assertSafeOverHttp(HostileBodies.of("{\"overlapSeconds\":3600}"), TRIES,
				body -> call("POST", "/api/webhooks/" + id + "/rotate-secret", this.manager, body), rows::fingerprint);
		HostileRequests.assertSafeQueriesOverHttp(
				HostileQueries.of("status=FAILED&limit=20&before=2026-12-01T00:00:00Z"), TRIES,
				query -> call("GET", "/api/webhooks/" + id + "/deliveries?" + query, this.manager, null));
	}

	@Test
	void followsSurviveHostileBodies() {
		String sara = TestTokens.customerService("sara-" + this.suffix);
		StoredRows rows = StoredRows.of(this.dataSource,
				"(SELECT * FROM follow WHERE subject = 'sara-" + this.suffix + "')");
		HostileRequests.assertSafeOverHttp(HostileBodies.of("{\"customerId\":\"" + this.customer + "\"}"), TRIES,
				body -> call("POST", "/api/subscriptions/follows", sara, body), rows::fingerprint);
	}

	@Test
	void refusesNulInQueryOverRealHttp() {
		HttpResponse<String> answer = call("GET",
				"/api/stream?lastEventId=" + URLEncoder.encode("1\u0000", StandardCharsets.UTF_8), this.receiver, null);
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		HttpResponse<String> unknown = call("GET", "/api/subscriptions/me?verbose=true", this.receiver, null);
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(unknown.body()).contains("verbose", "UNKNOWN_FIELD");
	}
}
