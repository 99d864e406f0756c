package org.leverans.order.history;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.leverans.contracts.Money;
import org.leverans.order.core.OrderApproval;
import org.leverans.order.core.Orders;
import org.leverans.order.core.StoredLine;
import org.leverans.order.core.StoredOrder;
import org.leverans.order.core.Timeline;
import org.leverans.order.history.OrderView.StatusReason;
import org.leverans.order.shipments.ShipmentView;
import org.leverans.order.shipments.Shipments;
import org.leverans.web.caller.Caller;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Builds what callers see of orders, and only for orders they may see. */
@Component
public class OrderViews {

	private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

	private final Orders orders;

	private final Shipments shipments;

	private final Timeline timeline;

	private final JdbcClient jdbc;

	public OrderViews(Orders orders, Shipments shipments, Timeline timeline, JdbcClient jdbc) {
		this.orders = orders;
		this.shipments = shipments;
		this.timeline = timeline;
		this.jdbc = jdbc;
	}

	/** The order if the caller may see it; another customer's order is simply not there. */
	public Optional<OrderView> find(UUID id, Caller caller) {
		return this.orders.find(id).flatMap(order -> {
			List<StoredLine> lines = this.orders.lines(id);
			Set<UUID> sites = lines.stream().map(StoredLine::siteId).collect(Collectors.toSet());
			return caller.maySee(order.customerId(), sites) ? Optional.of(view(order, lines)) : Optional.empty();
		});
	}

	OrderView view(StoredOrder order, List<StoredLine> lines) {
		List<ShipmentView> shipmentViews = this.shipments.ofOrder(order.id());
		List<StatusReason> reasons = new ArrayList<>();
		order.statusReasons().stream().map(StatusReason::of).forEach(reasons::add);
		for (ShipmentView shipment : shipmentViews) {
			problemOf(shipment).ifPresent(reasons::add);
		}
		List<Timeline.Entry> entries = this.timeline.of(order.id());
		List<OrderView.StatusChange> history = entries.stream()
			.filter(entry -> entry.status() != null)
			.map(entry -> new OrderView.StatusChange(entry.status().name(), entry.recordedAt(), entry.reason()))
			.toList();
		List<OrderView.InvoiceEvent> invoicing = entries.stream()
			.filter(entry -> entry.invoice() != null)
			.map(entry -> new OrderView.InvoiceEvent(entry.type(),
					(entry.occurredAt() != null) ? entry.occurredAt() : entry.recordedAt(),
					InvoiceFacts.of(entry.invoice())))
			.toList();
		return new OrderView(order.id(), order.orderNumber(), order.customerId(), order.customerName(),
				order.purchaseOrderNumber(), order.progress().status().name(), reasons, order.placedAt(), order.placedBy(),
				order.deliveryMode().name(), requested(order), order.note(),
				lines.stream()
					.map(l -> new OrderView.LineView(l.lineNo(), l.sku(), l.name(), l.quantity(), l.packageSize(),
							l.siteId(), Money.text(l.unitPrice()), Money.text(l.lineTotal())))
					.toList(),
				totals(order),
				(order.paymentTerms() != null) ? new OrderView.PaymentTermsView(order.paymentTerms().code(),
						order.paymentTerms().days(), order.paymentTerms().dueDate()) : null,
				shipmentViews.stream().map(OrderViews::shipment).toList(), history, order.reorderedFrom(),
				approval(order.approval()), invoicing);
	}

	private static OrderView.ApprovalView approval(OrderApproval approval) {
		if (approval == null) {
			return null;
		}
		return new OrderView.ApprovalView(approval.status(),
				approval.reasons().stream().map(StatusReason::of).toList(), approval.approvers(),
				approval.requestedAt(), approval.expiresAt(), approval.decidedBy(), approval.decidedAt(),
				approval.note());
	}

	/** Summaries for a page of orders, with their sites and tracking numbers, in the given order. */
	List<OrderSummary> summaries(List<StoredOrder> page) {
		Collection<UUID> ids = page.stream().map(StoredOrder::id).toList();
		Map<UUID, List<ShipmentView>> shipmentsByOrder = this.shipments.ofOrders(ids);
		Map<UUID, List<UUID>> sitesByOrder = new java.util.HashMap<>();
		Map<UUID, Integer> lineCounts = new java.util.HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.sql("SELECT order_id, site_id FROM order_line WHERE order_id IN (:ids) ORDER BY order_id, line_no")
				.param("ids", ids)
				.query((rs, n) -> {
					UUID orderId = rs.getObject(1, UUID.class);
					UUID site = rs.getObject(2, UUID.class);
					List<UUID> sites = sitesByOrder.computeIfAbsent(orderId, k -> new ArrayList<>());
					if (!sites.contains(site)) {
						sites.add(site);
					}
					lineCounts.merge(orderId, 1, Integer::sum);
					return orderId;
				})
				.list();
		}
		return page.stream()
			.map(order -> new OrderSummary(order.id(), order.orderNumber(), order.customerId(), order.customerName(),
					order.purchaseOrderNumber(), order.progress().status().name(), order.placedAt(), order.placedBy(),
					requested(order), totals(order), lineCounts.getOrDefault(order.id(), 0),
					sitesByOrder.getOrDefault(order.id(), List.of()),
					shipmentsByOrder.getOrDefault(order.id(), List.of())
						.stream()
						.map(ShipmentView::trackingNumber)
						.filter(t -> t != null)
						.collect(Collectors.toCollection(LinkedHashSet::new))
						.stream()
						.toList()))
			.toList();
	}

	private static OrderView.RequestedDeliveryView requested(StoredOrder order) {
		return new OrderView.RequestedDeliveryView(order.requestedDelivery().date(),
				time(order.requestedDelivery().from()), time(order.requestedDelivery().to()));
	}

	private static OrderView.TotalsView totals(StoredOrder order) {
		return (order.totals() != null) ? new OrderView.TotalsView(Money.text(order.totals().goods()),
				Money.text(order.totals().freight()), Money.text(order.totals().total()),
				order.totals().currency()) : null;
	}

	private static String time(LocalTime time) {
		return (time != null) ? time.format(HH_MM) : null;
	}

	private static Optional<StatusReason> problemOf(ShipmentView shipment) {
		if (shipment.problemCode() == null) {
			return Optional.empty();
		}
		String label = (shipment.trackingNumber() != null) ? shipment.trackingNumber() : shipment.id().toString();
		String message = "Shipment " + label + ": "
				+ ((shipment.problemReason() != null) ? shipment.problemReason() : shipment.problemCode());
		return Optional.of(new StatusReason("SHIPMENT_" + shipment.problemCode(), message, null));
	}

	private static OrderView.ShipmentSummary shipment(ShipmentView s) {
		return new OrderView.ShipmentSummary(s.id(), s.status(), s.carrier(), s.trackingNumber(), s.siteId(),
				(s.window() != null) ? new OrderView.WindowView(s.window().from(), s.window().to(), s.window().basis(),
						s.window().updatedAt()) : null,
				s.lines()
					.stream()
					.map(l -> new OrderView.ShipmentLineView(l.lineNo(), l.sku(), l.quantity(), l.packageSize()))
					.toList(),
				s.deliveredAt(), problemOf(s).orElse(null));
	}

}
