package org.leverans.notification.subscription;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.notification.IntegrationTest;
import org.leverans.notification.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelPreferencesIntegrationTest extends IntegrationTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final String subject = "anna-" + UUID.randomUUID();

	private final String token = TestTokens.orderer(this.subject, UUID.randomUUID());

	@Test
	void personChoosesEventsPerChannelAndALeadTimeAndNullGoesBackToTheDefaults() {
		JsonNode defaults = json.readTree(call("GET", "/api/subscriptions/me", this.token, null).body());
		assertThat(defaults.get("channels").get("email").toString()).contains("order.confirmed", "order.rejected",
				"order.on-hold", "shipment.exception");
		assertThat(defaults.get("channels").get("live")).hasSize(8);
		assertThat(defaults.get("channels").get("live").toString()).contains("invoice.overdue", "claim.updated", "reorder.due");
		assertThat(defaults.get("arrivalLeadMinutes").asInt()).isEqualTo(30);
		assertThat(defaults.get("defaults").get("live").asBoolean()).isTrue();

		HttpResponse<String> chosen = call("PUT", "/api/subscriptions/me", this.token,
				"{\"channels\":{\"email\":[\"shipment.arriving\"],\"live\":[\"order.rejected\",\"order.rejected\"]},"
						+ "\"arrivalLeadMinutes\":240}");
		assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
		JsonNode view = json.readTree(chosen.body());
		assertThat(view.get("channels").get("email").toString()).isEqualTo("[\"shipment.arriving\"]");
		assertThat(view.get("channels").get("live").toString()).isEqualTo("[\"order.rejected\"]");
		assertThat(view.get("arrivalLeadMinutes").asInt()).isEqualTo(240);
		assertThat(view.get("emailEvents").toString()).isEqualTo("[\"shipment.arriving\"]");

		JsonNode reset = json.readTree(call("PUT", "/api/subscriptions/me", this.token,
				"{\"channels\":{\"email\":null}}").body());
		assertThat(reset.get("defaults").get("email").asBoolean()).isTrue();
		assertThat(reset.get("defaults").get("live").asBoolean()).isTrue();
		assertThat(reset.get("defaults").get("arrivalLeadMinutes").asBoolean()).isTrue();
	}

	@Test
	void rejectsWebhookAndUnknownChannelsUnknownEventsAndLeadTimesOutOfBoundsStoringNothing() {
		call("PUT", "/api/subscriptions/me", this.token, "{\"arrivalLeadMinutes\":45}");
		HttpResponse<String> bad = call("PUT", "/api/subscriptions/me", this.token,
				"{\"channels\":{\"webhook\":[\"order.confirmed\"],\"pager\":[],\"live\":[\"order.exploded\"]},"
						+ "\"arrivalLeadMinutes\":0}");
		assertThat(bad.statusCode()).isEqualTo(400);
		JsonNode problem = json.readTree(bad.body());
		assertThat(problem.get("type").asString()).isEqualTo("urn:leverans:problem:invalid-request");
		assertThat(problem.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("channels.webhook",
				"channels.pager", "channels.live[0]", "arrivalLeadMinutes");
		assertThat(problem.get("errors").toString()).contains("/api/webhooks");

		HttpResponse<String> both = call("PUT", "/api/subscriptions/me", this.token,
				"{\"channels\":{\"email\":[]},\"emailEvents\":[]}");
		assertThat(both.statusCode()).isEqualTo(400);
		assertThat(json.readTree(both.body()).get("errors").get(0).get("code").asString()).isEqualTo("CONFLICT");

		assertThat(this.jdbc.queryForObject("SELECT arrival_lead_minutes FROM subscriber WHERE subject = ?",
				Integer.class, this.subject)).isEqualTo(45);
		assertThat(this.jdbc.queryForObject("SELECT live_events IS NULL FROM subscriber WHERE subject = ?",
				Boolean.class, this.subject)).isTrue();
	}
}
