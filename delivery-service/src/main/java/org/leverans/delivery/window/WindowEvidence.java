package org.leverans.delivery.window;

import java.time.Instant;

/**
 * What is known about a shipment's arrival: the planned slot, the carrier's latest ETA and when it was given, the
 * latest moment any partner event says the shipment was seen at, and the actual delivery.
 */
public record WindowEvidence(Instant plannedFrom, Instant plannedTo, Instant eta, Instant etaGivenAt,
		Instant latestEventAt, Instant deliveredAt) {
}
