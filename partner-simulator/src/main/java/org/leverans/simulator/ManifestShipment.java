package org.leverans.simulator;

import java.util.UUID;

/** The part of a carrier's manifest entry the simulator needs. */
public record ManifestShipment(UUID id, String trackingNumber, UUID siteId, String countryCode) {
}
