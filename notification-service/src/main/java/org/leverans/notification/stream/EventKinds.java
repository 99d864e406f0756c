package org.leverans.notification.stream;

import java.util.LinkedHashSet;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events people subscribe to, as the issue names them, mapped onto the stream's event names. A stream message
 * is of its stream name (e.g. {@code order.status-changed}, every status change) and, where it is one of the
 * finer events people ask for, of that too ({@code order.confirmed} is an {@code order.status-changed} to
 * ACCEPTED).
 */
public final class EventKinds {

	public static final String ORDER_CONFIRMED = "order.confirmed";

	public static final String ORDER_REJECTED = "order.rejected";

	public static final String ORDER_ON_HOLD = "order.on-hold";

	/** The order is above a spending limit and waits for an agreement manager's approval. */
	public static final String ORDER_AWAITING_APPROVAL = "order.awaiting-approval";

	/** The carrier picked the goods up. */
	public static final String SHIPMENT_DISPATCHED = "shipment.dispatched";

	/** Delivery failed, the partner reported an exception, or the goods are going back. */
	public static final String SHIPMENT_EXCEPTION = "shipment.exception";

	/** The stream names, each standing for every change of its kind. */
	public static final Set<String> STREAM_NAMES = Set.of(StreamEventNames.ORDER_STATUS_CHANGED,
			StreamEventNames.SHIPMENT_UPDATED, StreamEventNames.SHIPMENT_WINDOW_CHANGED,
			StreamEventNames.SHIPMENT_ARRIVING, StreamEventNames.SHIPMENT_DELIVERED, StreamEventNames.INVOICE_OVERDUE,
			StreamEventNames.CLAIM_UPDATED, StreamEventNames.REORDER_DUE);

	/** The finer events that need a look at the message's data. */
	public static final Set<String> FINER = Set.of(ORDER_CONFIRMED, ORDER_REJECTED, ORDER_ON_HOLD,
			ORDER_AWAITING_APPROVAL, SHIPMENT_DISPATCHED, SHIPMENT_EXCEPTION);

	private static final Set<String> EXCEPTIONS = Set.of("EXCEPTION", "DELIVERY_FAILED", "RETURNED");

	private static final JsonMapper json = JsonMapper.builder().build();

	private EventKinds() {
	}

	/** Everything a person may subscribe to: the stream names and the finer events. */
	public static Set<String> subscribable() {
		Set<String> all = new LinkedHashSet<>(STREAM_NAMES);
		all.addAll(FINER);
		return Set.copyOf(all);
	}

	/** The kinds a message is of: its stream name, and the finer event if it is one. */
	public static Set<String> of(StreamEvent event) {
		String finer = finer(event.name(), event.data());
		return (finer != null) ? Set.of(event.name(), finer) : Set.of(event.name());
	}

	/**
	 * Whether a live stream with this choice shows the message. Messages outside the vocabulary (notices such as
	 * {@code webhook.disabled}) are not subscribable, so no choice hides them.
	 */
	public static boolean shownLive(Set<String> chosen, StreamEvent event) {
		return !STREAM_NAMES.contains(event.name()) || matches(chosen, event);
	}

	/** Whether a choice of events names this message's stream name or its finer event. */
	public static boolean matches(Set<String> chosen, StreamEvent event) {
		if (chosen.contains(event.name())) {
			return true;
		}
		if (chosen.stream().noneMatch(FINER::contains)) {
			// No need to read the data.
			return false;
		}
		String finer = finer(event.name(), event.data());
		return finer != null && chosen.contains(finer);
	}

	private static String finer(String name, String data) {
		if (!StreamEventNames.ORDER_STATUS_CHANGED.equals(name) && !StreamEventNames.SHIPMENT_UPDATED.equals(name)) {
			return null;
		}
		JsonNode node;
		try {
			node = json.readTree(data);
		}
		catch (JacksonException ex) {
			return null;
		}
		if (StreamEventNames.ORDER_STATUS_CHANGED.equals(name)) {
			return switch (node.path("status").asString("")) {
				case "ACCEPTED" -> ORDER_CONFIRMED;
				case "REJECTED" -> ORDER_REJECTED;
				case "ON_HOLD" -> ORDER_ON_HOLD;
				case "AWAITING_APPROVAL" -> ORDER_AWAITING_APPROVAL;
				default -> null;
			};
		}
		String eventType = node.path("eventType").asString("");
		if ("PICKED_UP".equals(eventType)) {
			return SHIPMENT_DISPATCHED;
		}
		return EXCEPTIONS.contains(eventType) ? SHIPMENT_EXCEPTION : null;
	}
}
