package org.leverans.notification.mail;

import java.time.Duration;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookDisabledMailTest {

	private static final String DATA = """
			{"webhookId":"5d2c0000-0000-0000-0000-000000000001","url":"https://erp.example/hooks","status":"DISABLED",
			 "consecutiveFailures":3,"reason":"3 messages in a row could not be delivered; the last: HTTP 500",
			 "disabledAt":"2026-12-03T05:40:00Z"}""";

	private final MailTemplates templates = new MailTemplates(JsonMapper.builder().build(),
			new MailSettings(true, "Leverans <no-reply@leverans.example>", Duration.ofSeconds(5), 5,
					Duration.ofSeconds(30), ZoneId.of("Europe/Helsinki"), "http://localhost:8080"));

	@ParameterizedTest
	@ValueSource(strings = { "en", "fi", "sv" })
	void webhookDisabledNoticeNamesTheEndpointAndWhyInEveryLanguage(String language) {
		MailMessage mail = this.templates.render("webhook-disabled", DATA, language);
		assertThat(mail.subject()).contains("https://erp.example/hooks").doesNotContain("{");
		assertThat(mail.body()).contains("https://erp.example/hooks")
			.contains("HTTP 500")
			.contains(" 3 ")
			.contains("/enable")
			.doesNotContain("{");
	}
}
