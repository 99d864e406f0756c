package org.leverans.contracts.shipment;

/** Which order line, and how much of it, travels in a shipment. */
public record ShipmentLine(int lineNo, String sku, int quantity, String packageSize) {
}
