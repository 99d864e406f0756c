package org.leverans.notification.reminder;

import java.time.Clock;
import java.util.Set;

import org.leverans.contracts.order.ReorderDue;
import org.leverans.messaging.EventHandlers;
import org.leverans.messaging.EventMetadata;
import org.leverans.notification.intake.IntakeHandlers;
import org.leverans.notification.stream.StreamEventNames;
import org.leverans.notification.stream.StreamEvents;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Turns order-service's {@link ReorderDue} into the customer's {@code reorder.due} message for the site. Nobody gets
 * it by e-mail unless they chose it (it is in no role's defaults): a reminder is welcome only to whom asked for it.
 * The message carries the quick order page's address with the lines filled in, so one click shows the priced
 * preview at today's prices.
 */
@Component
class ReorderReminders implements IntakeHandlers {

	private final StreamEvents streamEvents;

	private final JsonMapper json;

	private final Clock clock;

	private final EventHandlers handlers;

	ReorderReminders(StreamEvents streamEvents, JsonMapper json, Clock clock) {
		this.streamEvents = streamEvents;
		this.json = json;
		this.clock = clock;
		this.handlers = EventHandlers.named("reorder-reminders").onEvent(ReorderDue.class, this::due);
	}

	@Override
	public EventHandlers handlers() {
		return this.handlers;
	}

	private void due(ReorderDue event, EventMetadata metadata) {
		this.streamEvents.append(StreamEventNames.REORDER_DUE, event.customerId(), Set.of(event.siteId()), null, null,
				metadata.id(), this.json.writeValueAsString(ReorderDueData.of(event)), this.clock.instant());
	}
}
