package org.leverans.simulator;

import java.time.Duration;

/**
 * One partner event of a journey, on the journey's own (demo) clock: {@code at} and {@code eta} are offsets from the
 * moment the carrier received the shipment's information.
 *
 * @param eta the arrival the carrier announces with this event, if it announces one
 * @param signedBy who signed for the goods, on DELIVERED only
 */
public record PlannedEvent(int sequence, String type, Duration at, Duration eta, GeoPoint position, String signedBy) {
}
