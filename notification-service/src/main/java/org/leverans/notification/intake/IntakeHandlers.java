package org.leverans.notification.intake;

import org.leverans.messaging.EventHandlers;

/**
 * One feature's reaction to order and shipment events. Each applies an event once under its own inbox name and in
 * its own transaction, so one feature failing (and being retried) never doubles another's effect.
 */
public interface IntakeHandlers {

	EventHandlers handlers();
}
