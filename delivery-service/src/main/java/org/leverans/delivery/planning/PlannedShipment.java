package org.leverans.delivery.planning;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.shipment.ShipmentLine;

/** One shipment of an order's plan: where, when (date and slot in the site's time zone), by whom, with what. */
public record PlannedShipment(UUID siteId, String siteName, String countryCode, ZoneId zone, LocalDate date,
		LocalTime slotFrom, LocalTime slotTo, String carrier, List<ShipmentLine> lines) {
}
