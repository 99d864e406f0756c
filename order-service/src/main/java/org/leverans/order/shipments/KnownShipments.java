package org.leverans.order.shipments;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.leverans.messaging.OncePerTransaction;

import org.springframework.stereotype.Component;

/**
 * The shipments of the orders a transaction follows, read once per order and then kept as the transaction saves
 * them: a carrier's batch brings several events for the same shipments, and each event needs the shipment as the
 * one before left it and the order's tally after it. Call with the order {@link LockedOrders locked}, so no other
 * transaction changes its shipments meanwhile.
 */
@Component
class KnownShipments {

	private final Shipments shipments;

	/** By order, each order's shipments by id. */
	private final OncePerTransaction<UUID, Map<UUID, ShipmentView>> ofOrder;

	KnownShipments(Shipments shipments) {
		this.shipments = shipments;
		this.ofOrder = OncePerTransaction.of(orderId -> {
			Map<UUID, ShipmentView> byId = new LinkedHashMap<>();
			shipments.firstRead(orderId).forEach(view -> byId.put(view.id(), view));
			return Collections.unmodifiableMap(byId);
		});
	}

	/** Reads the shipments of those of the orders not read yet, in one statement. */
	void readAll(Collection<UUID> orderIds) {
		this.ofOrder.getAll(orderIds, unread -> {
			Map<UUID, List<ShipmentView>> read = this.shipments.firstRead(unread);
			Map<UUID, Map<UUID, ShipmentView>> byOrder = new HashMap<>();
			for (UUID orderId : unread) {
				Map<UUID, ShipmentView> byId = new LinkedHashMap<>();
				read.getOrDefault(orderId, List.of()).forEach(view -> byId.put(view.id(), view));
				byOrder.put(orderId, Collections.unmodifiableMap(byId));
			}
			return byOrder;
		});
	}

	Optional<ShipmentView> find(UUID orderId, UUID shipmentId) {
		return Optional.ofNullable(this.ofOrder.get(orderId).get(shipmentId));
	}

	/** @param plannedAt kept only while the shipment has none yet */
	void save(ShipmentView view, Instant plannedAt, Instant now) {
		Map<UUID, ShipmentView> byId = new LinkedHashMap<>(this.ofOrder.get(view.orderId()));
		byId.put(view.id(), view);
		this.ofOrder.put(view.orderId(), Collections.unmodifiableMap(byId));
		this.shipments.save(view, plannedAt, now);
	}

	/** How far the order's shipments are, counted from what the transaction knows of them. */
	Shipments.Tally tally(UUID orderId) {
		Map<UUID, ShipmentView> byId = this.ofOrder.get(orderId);
		int delivered = (int) byId.values().stream().filter(view -> "DELIVERED".equals(view.status())).count();
		return new Shipments.Tally(delivered, byId.values().stream().anyMatch(ShipmentView::pickedUp));
	}
}
