package org.leverans.order.core;

import java.util.UUID;

/**
 * What following an order's delivery reads of it: its status and how many shipments it has so far (0 before the
 * first is planned).
 */
public record OrderInDelivery(UUID id, OrderStatus status, int shipmentsInOrder) {
}
