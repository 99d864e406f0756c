package org.leverans.delivery.partner;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.leverans.contracts.shipment.ProofOfDelivery;
import org.leverans.delivery.shipment.TimelineEvent;
import org.leverans.web.input.Text;
import org.leverans.web.problem.ApiProblem;
import org.leverans.web.problem.FieldProblem;

/**
 * Reads a posted body (a batch {@code {"events":[…]}} or a single event) into well-formed events and per-item
 * rejections. Only a body that is not a batch at all is refused as a whole; one bad event never spoils the rest.
 */
class PartnerEventParser {

	private static final Set<String> FIELDS = Set.of("eventId", "shipmentId", "trackingNumber", "type", "occurredAt",
			"eta", "position", "proofOfDelivery", "reason");

	private static final int MAX_TEXT = 200;

	private static final int MAX_FREE_TEXT = 2000;

	private final int maxBatchSize;

	private final Duration maxClockSkew;

	PartnerEventParser(int maxBatchSize, Duration maxClockSkew) {
		this.maxBatchSize = maxBatchSize;
		this.maxClockSkew = maxClockSkew;
	}

	record Parsed(List<PartnerEvent> events, List<Rejection> rejections) {
	}

	Parsed parse(JsonNode body, Instant now) {
		List<JsonNode> items = items(body);
		List<PartnerEvent> events = new ArrayList<>();
		List<Rejection> rejections = new ArrayList<>();
		for (int index = 0; index < items.size(); index++) {
			try {
				events.add(event(index, items.get(index), now));
			}
			catch (Refused refused) {
				rejections.add(new Rejection(index, refused.eventId, refused.code, refused.getMessage()));
			}
		}
		return new Parsed(events, rejections);
	}

	private List<JsonNode> items(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw invalid("body", "INVALID", "The body must be a JSON object: {\"events\":[…]} or one event.");
		}
		if (!body.has("events")) {
			return List.of(body);
		}
		for (String name : body.propertyNames()) {
			if (!"events".equals(name)) {
				throw invalid(name, "UNKNOWN_FIELD", "A batch has only the field events.");
			}
		}
		JsonNode events = body.get("events");
		if (!events.isArray()) {
			throw invalid("events", "INVALID", "events must be an array of events.");
		}
		if (events.size() > this.maxBatchSize) {
			throw ApiProblem.tooLarge("A batch may carry at most " + this.maxBatchSize + " events; this one has "
					+ events.size() + ". Send it in smaller batches.");
		}
		if (events.isEmpty()) {
			throw invalid("events", "EMPTY", "events must hold at least one event.");
		}
		List<JsonNode> items = new ArrayList<>(events.size());
		events.values().forEach(items::add);
		return items;
	}

	private PartnerEvent event(int index, JsonNode item, Instant now) {
		if (!item.isObject()) {
			throw new Refused(null, "INVALID_EVENT", "An event must be a JSON object.");
		}
		String eventId = eventId(item);
		for (String name : item.propertyNames()) {
			if (!FIELDS.contains(name)) {
				throw new Refused(eventId, "INVALID_FIELD", "Unknown field " + name + ".");
			}
		}
		PartnerEventType type = type(eventId, item.get("type"));
		UUID shipmentId = shipmentId(eventId, item.get("shipmentId"));
		String trackingNumber = optionalText(eventId, item.get("trackingNumber"), "INVALID_TRACKING_NUMBER",
				"trackingNumber", false);
		if (shipmentId == null && trackingNumber == null) {
			throw new Refused(eventId, "INVALID_SHIPMENT_REFERENCE",
					"Name the shipment by shipmentId or trackingNumber.");
		}
		Instant occurredAt = instant(eventId, item.get("occurredAt"), "INVALID_OCCURRED_AT", "occurredAt");
		if (occurredAt == null) {
			throw new Refused(eventId, "INVALID_OCCURRED_AT", "occurredAt is required.");
		}
		if (occurredAt.isAfter(now.plus(this.maxClockSkew))) {
			throw new Refused(eventId, "OCCURRED_IN_FUTURE",
					"occurredAt " + occurredAt + " is more than " + this.maxClockSkew.toMinutes()
							+ " minutes in the future.");
		}
		Instant eta = instant(eventId, item.get("eta"), "INVALID_ETA", "eta");
		return new PartnerEvent(index, eventId, shipmentId, trackingNumber, type, occurredAt, eta,
				position(eventId, item.get("position")), proof(eventId, item.get("proofOfDelivery")),
				optionalText(eventId, item.get("reason"), "INVALID_REASON", "reason", true));
	}

	private static String eventId(JsonNode item) {
		JsonNode node = item.get("eventId");
		if (absent(node) || (node.isString() && node.stringValue().isBlank())) {
			throw new Refused(null, "MISSING_EVENT_ID", "eventId is required: it is how resent events are recognised.");
		}
		if (!node.isString() || Text.problem(node.stringValue(), false, MAX_TEXT) != null) {
			throw new Refused(null, "INVALID_EVENT_ID", "eventId must be a string of at most " + MAX_TEXT
					+ " characters, without control characters.");
		}
		return node.stringValue();
	}

	private static PartnerEventType type(String eventId, JsonNode node) {
		if (absent(node) || !node.isString()) {
			throw new Refused(eventId, "INVALID_TYPE", "type is required and must be a string.");
		}
		return PartnerEventType.named(node.stringValue())
			.orElseThrow(() -> new Refused(eventId, "UNKNOWN_EVENT_TYPE", "Unknown event type " + node.stringValue()
					+ "; expected one of " + Arrays.toString(PartnerEventType.values()) + "."));
	}

	private static UUID shipmentId(String eventId, JsonNode node) {
		if (absent(node)) {
			return null;
		}
		try {
			return UUID.fromString(node.isString() ? node.stringValue() : "");
		}
		catch (IllegalArgumentException ex) {
			throw new Refused(eventId, "INVALID_SHIPMENT_ID", "shipmentId must be a UUID.");
		}
	}

	/** Text by the rule of every request body ({@link Text}); a reason or a note may run over several lines. */
	private static String optionalText(String eventId, JsonNode node, String code, String field, boolean multiline) {
		if (absent(node)) {
			return null;
		}
		if (!node.isString()) {
			throw new Refused(eventId, code, field + " must be a string.");
		}
		String problem = Text.problem(node.stringValue(), multiline, MAX_FREE_TEXT);
		if (problem != null) {
			throw new Refused(eventId, code, field + " " + problem + ".");
		}
		return node.stringValue().isBlank() ? null : node.stringValue();
	}

	private static Instant instant(String eventId, JsonNode node, String code, String field) {
		if (absent(node)) {
			return null;
		}
		if (node.isString()) {
			try {
				return OffsetDateTime.parse(node.stringValue()).toInstant();
			}
			catch (DateTimeParseException ex) {
				// falls through to the refusal below
			}
		}
		throw new Refused(eventId, code, field + " must be an ISO-8601 date-time with offset, e.g. 2026-12-03T05:40:00Z.");
	}

	private static TimelineEvent.Position position(String eventId, JsonNode node) {
		if (absent(node)) {
			return null;
		}
		JsonNode lat = node.isObject() ? node.get("lat") : null;
		JsonNode lon = node.isObject() ? node.get("lon") : null;
		if (lat == null || lon == null || !lat.isNumber() || !lon.isNumber() || node.size() != 2
				|| Math.abs(lat.doubleValue()) > 90 || Math.abs(lon.doubleValue()) > 180) {
			throw new Refused(eventId, "INVALID_POSITION",
					"position must be {\"lat\":-90…90,\"lon\":-180…180} and nothing else.");
		}
		return new TimelineEvent.Position(lat.doubleValue(), lon.doubleValue());
	}

	private static ProofOfDelivery proof(String eventId, JsonNode node) {
		if (absent(node)) {
			return null;
		}
		if (!node.isObject()) {
			throw new Refused(eventId, "INVALID_PROOF_OF_DELIVERY", "proofOfDelivery must be {\"signedBy\",\"note\"}.");
		}
		for (String name : node.propertyNames()) {
			if (!"signedBy".equals(name) && !"note".equals(name)) {
				throw new Refused(eventId, "INVALID_PROOF_OF_DELIVERY", "proofOfDelivery has an unknown field " + name + ".");
			}
		}
		return new ProofOfDelivery(
				optionalText(eventId, node.get("signedBy"), "INVALID_PROOF_OF_DELIVERY", "proofOfDelivery.signedBy",
						false),
				optionalText(eventId, node.get("note"), "INVALID_PROOF_OF_DELIVERY", "proofOfDelivery.note", true));
	}

	private static boolean absent(JsonNode node) {
		return node == null || node.isNull() || node.isMissingNode();
	}

	private static ApiProblem invalid(String field, String code, String message) {
		return ApiProblem.invalid(message, List.of(FieldProblem.field(field, code, message)));
	}

	private static final class Refused extends RuntimeException {

		private final String eventId;

		private final String code;

		Refused(String eventId, String code, String message) {
			super(message, null, false, false);
			this.eventId = eventId;
			this.code = code;
		}
	}
}
