package org.leverans.notification.invoice;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.leverans.contracts.billing.InvoiceOverdue;
import org.leverans.messaging.EventHandlers;
import org.leverans.messaging.EventMetadata;
import org.leverans.notification.intake.IntakeHandlers;
import org.leverans.notification.stream.StreamEventNames;
import org.leverans.notification.stream.StreamEvents;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Turns billing-service's {@code InvoiceOverdue} into the customer's {@code invoice.overdue} message: on the live
 * stream of everyone who acts for the customer, to webhooks that chose it, and by e-mail to those who want it (by
 * default the agreement managers, see {@code RoleDefaults}). billing-service reports an invoice overdue once, so
 * one reminder goes out per invoice.
 */
@Component
class OverdueReminders implements IntakeHandlers {

	/**
	 * A reminder read long after it was reported (a new instance reading the billing topic from its beginning)
	 * would remind of what has most likely been settled since, so it is left out.
	 */
	static final Duration STALE_AFTER = Duration.ofDays(3);

	private final StreamEvents streamEvents;

	private final JsonMapper json;

	private final Clock clock;

	private final EventHandlers handlers;

	OverdueReminders(StreamEvents streamEvents, JsonMapper json, Clock clock) {
		this.streamEvents = streamEvents;
		this.json = json;
		this.clock = clock;
		this.handlers = EventHandlers.named("overdue-reminders").onEvent(InvoiceOverdue.class, this::overdue);
	}

	@Override
	public EventHandlers handlers() {
		return this.handlers;
	}

	private void overdue(InvoiceOverdue event, EventMetadata metadata) {
		Instant now = this.clock.instant();
		if (event.detectedAt() != null && event.detectedAt().isBefore(now.minus(STALE_AFTER))) {
			return;
		}
		OverdueInvoice data = new OverdueInvoice(event.invoiceId(), event.invoiceNumber(), event.openAmount(),
				event.currency(), event.dueDate(), event.daysOverdue(),
				(event.detectedAt() != null) ? event.detectedAt() : now);
		this.streamEvents.append(StreamEventNames.INVOICE_OVERDUE, event.customerId(), List.of(), null, null,
				metadata.id(), this.json.writeValueAsString(data), now);
	}

	/** The {@code data} of an {@code invoice.overdue} message. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record OverdueInvoice(UUID invoiceId, String invoiceNumber, BigDecimal openAmount, String currency,
			LocalDate dueDate, int daysOverdue, Instant occurredAt) {
	}

}
