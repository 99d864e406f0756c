package org.leverans.notification.mail;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class MailTemplatesTest {

	private static final String DATA = """
			{"orderId":"8f1c2d3e-0000-0000-0000-000000000001","orderNumber":"LV-000123","status":"OUT_FOR_DELIVERY",
			 "trackingNumber":"NF0000000042","window":{"from":"2026-12-03T05:00:00Z","to":"2026-12-03T07:00:00Z"},
			 "arrivesInMinutes":30,"reasons":[{"code":"CREDIT_DECLINED","message":"Over the limit"}]}""";

	private final MailTemplates templates = new MailTemplates(JsonMapper.builder().build(),
			new MailSettings(true, "Leverans <no-reply@leverans.example>", Duration.ofSeconds(5), 5,
					Duration.ofSeconds(30), ZoneId.of("Europe/Helsinki")));

	@ParameterizedTest
	@ValueSource(strings = { "en", "fi", "sv" })
	void everyEventHasAnEmailInEveryLanguage(String language) {
		for (String event : List.of("order.status-changed", "shipment.updated", "shipment.window-changed",
				"shipment.arriving", "shipment.delivered")) {
			MailMessage mail = this.templates.render(event, DATA, language);
			assertThat(mail.subject()).contains("LV-000123").doesNotContain("{").doesNotContain("status.");
			assertThat(mail.body()).contains("LV-000123").doesNotContain("{");
		}
	}

	@Test
	void writesTimesInTheReadersZoneAndLanguage() {
		assertThat(this.templates.render("shipment.arriving", DATA, "sv").subject())
			.isEqualTo("Order LV-000123 anländer om cirka 30 minuter");
		// 05:00 UTC is 06:00 in Stockholm and 07:00 in Helsinki.
		assertThat(this.templates.render("shipment.arriving", DATA, "sv").body()).contains("06:00");
		assertThat(this.templates.render("shipment.arriving", DATA, "fi").body()).contains("7.00");
		assertThat(this.templates.render("shipment.updated", DATA, "en").subject())
			.isEqualTo("Order LV-000123: shipment out for delivery");
	}

	@Test
	void unknownLanguagesGetEnglish() {
		assertThat(this.templates.render("shipment.delivered", DATA, "de-DE").subject())
			.isEqualTo("Order LV-000123: shipment delivered");
		assertThat(this.templates.render("shipment.delivered", DATA, null).subject())
			.isEqualTo("Order LV-000123: shipment delivered");
	}
}
