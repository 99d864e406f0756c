package org.leverans.notification.mail;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes the e-mail for a stream event in the recipient's language (English, Finnish or Swedish; anything else
 * gets English), from the message bundles in {@code mail/templates*.properties}.
 */
@Component
class MailTemplates {

	static final Set<String> LANGUAGES = Set.of("en", "fi", "sv");

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	private final JsonMapper json;

	private final MailSettings settings;

	MailTemplates(JsonMapper json, MailSettings settings) {
		this.json = json;
		this.settings = settings;
		this.messages.setBasename("mail/templates");
		this.messages.setDefaultEncoding("UTF-8");
		this.messages.setFallbackToSystemLocale(false);
		this.messages.setDefaultLocale(Locale.ENGLISH);
	}

	MailMessage render(String eventName, String data, String localeTag) {
		Locale locale = locale(localeTag);
		ZoneId zone = zone(locale);
		JsonNode node = this.json.readTree(data);
		String orderNumber = text(node, "orderNumber");
		if (orderNumber == null) {
			String orderId = text(node, "orderId");
			orderNumber = (orderId != null) ? orderId.substring(0, 8) : "";
		}
		String status = text(node, "status");
		String statusText = (status != null) ? this.messages.getMessage("status." + status, null, status, locale) : "";
		String tracking = (text(node, "trackingNumber") != null) ? text(node, "trackingNumber") : "";
		JsonNode window = node.get("window");
		Instant from = (window != null) ? instant(window, "from") : null;
		Instant to = (window != null) ? instant(window, "to") : null;
		Object[] args = { orderNumber, statusText, tracking, format(from, null, locale, zone),
				format(to, from, locale, zone),
				(node.get("arrivesInMinutes") != null) ? node.get("arrivesInMinutes").asString() : "",
				// {6}-{8}: the webhook-disabled notice
				orEmpty(text(node, "url")), orEmpty(text(node, "reason")), orEmpty(text(node, "consecutiveFailures")) };
		String subject = this.messages.getMessage(eventName + ".subject", args, locale);
		StringBuilder body = new StringBuilder(this.messages.getMessage(eventName + ".body", args, locale));
		JsonNode reasons = node.get("reasons");
		if (reasons != null && reasons.isArray() && !reasons.isEmpty()) {
			body.append("\n\n").append(this.messages.getMessage("mail.reasons", null, locale));
			for (JsonNode reason : reasons) {
				body.append("\n- ").append(text(reason, "message") != null ? text(reason, "message") : text(reason, "code"));
			}
		}
		body.append("\n\n--\n").append(this.messages.getMessage("mail.footer", null, locale)).append('\n');
		return new MailMessage(subject, body.toString());
	}

	static Locale locale(String tag) {
		if (tag != null) {
			Locale requested = Locale.forLanguageTag(tag.replace('_', '-'));
			if (LANGUAGES.contains(requested.getLanguage())) {
				return Locale.of(requested.getLanguage());
			}
		}
		return Locale.ENGLISH;
	}

	private ZoneId zone(Locale locale) {
		return switch (locale.getLanguage()) {
			case "fi" -> ZoneId.of("Europe/Helsinki");
			case "sv" -> ZoneId.of("Europe/Stockholm");
			default -> this.settings.defaultTimeZone();
		};
	}

	/** A time on the same day as {@code sameDayAs} is written without its date. */
	private static String format(Instant instant, Instant sameDayAs, Locale locale, ZoneId zone) {
		if (instant == null) {
			return "";
		}
		ZonedDateTime local = instant.atZone(zone);
		boolean sameDay = sameDayAs != null && sameDayAs.atZone(zone).toLocalDate().equals(local.toLocalDate());
		DateTimeFormatter formatter = sameDay ? DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
				: DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT);
		return formatter.withLocale(locale).format(local);
	}

	private static Instant instant(JsonNode node, String field) {
		String value = text(node, field);
		return (value != null) ? Instant.parse(value) : null;
	}

	private static String orEmpty(String value) {
		return (value != null) ? value : "";
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}
}
