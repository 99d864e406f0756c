package org.leverans.notification.intake;

import org.leverans.messaging.EventHandlers;

/**
 * One feature's reaction to order, shipment and agreement events. Each remembers the events it applied under its
 * own inbox name; all features apply a poll batch in one transaction, so one feature failing (and being retried)
 * rolls back the others too and never doubles their effect.
 */
public interface IntakeHandlers {

	EventHandlers handlers();
}
