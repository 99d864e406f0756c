package org.leverans.notification.mail;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.leverans.contracts.validation.PaymentTerms;
import org.leverans.contracts.validation.PricedLine;
import org.leverans.contracts.validation.Totals;
import org.leverans.notification.stream.StreamEventNames;

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
		return render(eventName, data, localeTag, orderId -> Optional.empty());
	}

	/** The order an e-mail confirms, if it is an order confirmation (a status change to ACCEPTED). */
	Optional<UUID> confirmedOrder(String eventName, String data) {
		if (!StreamEventNames.ORDER_STATUS_CHANGED.equals(eventName)) {
			return Optional.empty();
		}
		JsonNode node = this.json.readTree(data);
		String orderId = text(node, "orderId");
		return ("ACCEPTED".equals(text(node, "status")) && orderId != null) ? Optional.of(UUID.fromString(orderId))
				: Optional.empty();
	}

	/** @param confirmations what an order confirmation lists, by order id */
	MailMessage render(String eventName, String data, String localeTag,
			Function<UUID, Optional<OrderConfirmation>> confirmations) {
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
				orEmpty(text(node, "url")), orEmpty(text(node, "reason")), orEmpty(text(node, "consecutiveFailures")),
				// {9}-{12}: an overdue invoice's reminder
				orEmpty(text(node, "invoiceNumber")), money(decimal(node, "openAmount"), text(node, "currency"), locale),
				date(text(node, "dueDate"), locale), orEmpty(text(node, "daysOverdue")),
				// {13}-{16}: a claim
				orEmpty(text(node, "claimNumber")), claimReason(text(node, "reason"), eventName, locale),
				orEmpty(text(node, "replacementOrderNumber")), orEmpty(text(node, "note")),
				// {17}-{21}: a reorder reminder
				orEmpty((text(node, "name") != null) ? text(node, "name") : text(node, "sku")), orEmpty(text(node, "sku")),
				orEmpty(text(node, "quantity")), orEmpty(text(node, "siteName")),
				link(text(node, "preview")) };
		String template = template(eventName, node);
		String subject = this.messages.getMessage(template + ".subject", args, locale);
		StringBuilder body = new StringBuilder(this.messages.getMessage(template + ".body", args, locale));
		if ("claim.accepted.credit".equals(template) || "claim.accepted.replacement".equals(template)) {
			String note = text(node, "note");
			if (note != null) {
				body.append("\n\n").append(message("claim.note", locale, note));
			}
		}
		Integer usualWidth = usualWidthMinutes(window);
		if ((StreamEventNames.SHIPMENT_ARRIVING.equals(eventName)
				|| StreamEventNames.SHIPMENT_WINDOW_CHANGED.equals(eventName)) && usualWidth != null) {
			// A receiver books a crane by the alert or the new window as by the pages, so each says what the pages
			// say.
			body.append("\n\n").append(message("shipment.window.wider-than-usual", locale, usualWidth));
		}
		JsonNode reasons = node.get("reasons");
		if (reasons != null && reasons.isArray() && !reasons.isEmpty()) {
			body.append("\n\n").append(this.messages.getMessage("mail.reasons", null, locale));
			for (JsonNode reason : reasons) {
				body.append("\n- ").append(text(reason, "message") != null ? text(reason, "message") : text(reason, "code"));
			}
		}
		confirmedOrder(eventName, data).flatMap(confirmations)
			.ifPresent(confirmation -> confirmation(body, confirmation, locale));
		body.append("\n\n--\n").append(this.messages.getMessage("mail.footer", null, locale)).append('\n');
		return new MailMessage(subject, body.toString());
	}

	/** The template of the message; a status may need its own words. */
	private static String template(String eventName, JsonNode node) {
		String status = text(node, "status");
		if (StreamEventNames.ORDER_STATUS_CHANGED.equals(eventName) && "AWAITING_APPROVAL".equals(status)) {
			// An order waiting for approval is news for the agreement manager who gives it, not "your order".
			return "order.awaiting-approval";
		}
		if (StreamEventNames.CLAIM_UPDATED.equals(eventName)) {
			return switch ((status != null) ? status : "") {
				case "ACCEPTED" -> "REPLACEMENT".equals(text(node, "remedy")) ? "claim.accepted.replacement"
						: "claim.accepted.credit";
				case "REJECTED" -> "claim.rejected";
				default -> "claim.filed";
			};
		}
		return eventName;
	}

	/** A page's address as a link that opens from an e-mail. */
	private String link(String path) {
		if (path == null) {
			return "";
		}
		String base = this.settings.pagesUrl();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
	}

	/** What a claim is about, in brackets after the order number, or nothing when it is not known. */
	private String claimReason(String reason, String eventName, Locale locale) {
		if (reason == null || !StreamEventNames.CLAIM_UPDATED.equals(eventName)) {
			return "";
		}
		return " (" + this.messages.getMessage("claim-reason." + reason, null, reason.toLowerCase(Locale.ROOT), locale)
				+ ")";
	}

	/** The lines with their prices, the totals and the terms: what the customer agreed to pay, and when. */
	private void confirmation(StringBuilder body, OrderConfirmation confirmation, Locale locale) {
		String currency = (confirmation.totals() != null) ? confirmation.totals().currency() : null;
		if (!confirmation.lines().isEmpty()) {
			body.append("\n\n").append(message("confirmation.lines", locale));
			for (PricedLine line : confirmation.lines()) {
				String name = (line.name() != null) ? line.name() : line.sku();
				body.append('\n')
					.append(message("confirmation.line", locale, NumberFormat.getIntegerInstance(locale).format(line.quantity()),
							unit(line.unit(), locale), name, line.sku(), money(line.unitPrice(), currency, locale),
							money(line.lineTotal(), currency, locale)));
			}
		}
		Totals totals = confirmation.totals();
		if (totals != null) {
			body.append("\n\n")
				.append(message("confirmation.goods", locale, money(totals.goods(), currency, locale)))
				.append('\n')
				.append(message("confirmation.freight", locale, money(totals.freight(), currency, locale)))
				.append('\n')
				.append(message("confirmation.total", locale, money(totals.total(), currency, locale)));
		}
		PaymentTerms terms = confirmation.paymentTerms();
		if (terms != null) {
			String due = (terms.dueDate() != null)
					? DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(terms.dueDate())
					: "";
			body.append("\n\n").append(message("confirmation.payment", locale, String.valueOf(terms.days()), due));
		}
		if (confirmation.freightTermsCode() != null) {
			String code = confirmation.freightTermsCode();
			body.append('\n')
				.append(message("confirmation.freight-terms", locale,
						this.messages.getMessage("freight-terms." + code, null, code, locale)));
		}
	}

	private String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	private String unit(String unit, Locale locale) {
		return (unit != null) ? this.messages.getMessage("unit." + unit, null, unit.toLowerCase(Locale.ROOT), locale)
				: "";
	}

	private static String money(BigDecimal amount, String currency, Locale locale) {
		if (amount == null) {
			return "";
		}
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMinimumFractionDigits(2);
		format.setMaximumFractionDigits(2);
		return format.format(amount) + ((currency != null) ? " " + currency : "");
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

	private static String date(String isoDate, Locale locale) {
		return (isoDate != null)
				? DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(LocalDate.parse(isoDate))
				: "";
	}

	/** The width receivers are usually promised, when the window is wider (its confidence's usualWidthMinutes). */
	private static Integer usualWidthMinutes(JsonNode window) {
		JsonNode confidence = (window != null) ? window.get("confidence") : null;
		JsonNode minutes = (confidence != null) ? confidence.get("usualWidthMinutes") : null;
		return (minutes != null && minutes.isIntegralNumber()) ? minutes.asInt() : null;
	}

	private static BigDecimal decimal(JsonNode node, String field) {
		String value = text(node, field);
		return (value != null) ? new BigDecimal(value) : null;
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
