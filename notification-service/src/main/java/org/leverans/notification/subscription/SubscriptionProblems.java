package org.leverans.notification.subscription;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.leverans.notification.arrival.ArrivalAlertProperties;
import org.leverans.notification.security.ApiProblems;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Checks what a subscription change asks for and answers what is wrong with it as a problem naming each field,
 * before anything is stored.
 */
final class SubscriptionProblems {

	static final String CHANNEL_EMAIL = "email";

	static final String CHANNEL_LIVE = "live";

	static final String CHANNEL_WEBHOOK = "webhook";

	private final List<Map<String, String>> errors = new ArrayList<>();

	/** @return the events without repeats, in the order given; {@code null} stays {@code null} (the defaults) */
	List<String> events(String field, List<String> events) {
		if (events == null) {
			return null;
		}
		Set<String> distinct = new LinkedHashSet<>();
		for (int i = 0; i < events.size(); i++) {
			String event = events.get(i);
			if (event == null || !RoleDefaults.SUBSCRIBABLE.contains(event)) {
				error(field + "[" + i + "]", "UNKNOWN_EVENT",
						"'" + event + "' is not one of " + RoleDefaults.SUBSCRIBABLE.stream().sorted().toList());
			}
			else {
				distinct.add(event);
			}
		}
		return List.copyOf(distinct);
	}

	/** A channel this endpoint does not configure: said where it is configured instead. */
	void channelNotHere(String channel, String where) {
		String code = (CHANNEL_EMAIL.equals(channel) || CHANNEL_LIVE.equals(channel) || CHANNEL_WEBHOOK.equals(channel))
				? "CHANNEL_NOT_HERE" : "UNKNOWN_CHANNEL";
		error("channels." + channel, code, "UNKNOWN_CHANNEL".equals(code)
				? "'" + channel + "' is not a channel; channels are email, live and webhook." : where);
	}

	void leadMinutes(Integer minutes, ArrivalAlertProperties bounds) {
		if (minutes == null) {
			return;
		}
		long min = bounds.minLeadTime().toMinutes();
		long max = bounds.maxLeadTime().toMinutes();
		if (minutes < min || minutes > max) {
			error("arrivalLeadMinutes", "OUT_OF_RANGE",
					"The lead time is " + min + " to " + max + " minutes, got " + minutes + ".");
		}
	}

	void error(String field, String code, String message) {
		this.errors.add(ApiProblems.fieldError(field, code, message));
	}

	boolean any() {
		return !this.errors.isEmpty();
	}

	ResponseEntity<ProblemDetail> response(String detail) {
		return ApiProblems.problem(HttpStatus.BAD_REQUEST, "invalid-subscription", "Invalid subscription", detail,
				this.errors);
	}

	static ResponseEntity<ProblemDetail> notFound(String detail) {
		return ApiProblems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail, null);
	}

	static ResponseEntity<ProblemDetail> forbidden(String detail) {
		return ApiProblems.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, null);
	}

	/** A body that is not JSON, has a field no one asked for, or a value of the wrong shape. */
	static ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		SubscriptionProblems problems = new SubscriptionProblems();
		Throwable cause = ex.getCause();
		if (cause instanceof UnrecognizedPropertyException unknown) {
			problems.error(path(unknown), "UNKNOWN_FIELD", "'" + unknown.getPropertyName() + "' is not a field here.");
		}
		else if (cause instanceof StreamReadException) {
			problems.error("body", "MALFORMED_JSON", "The body is not valid JSON.");
		}
		else if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			problems.error(path(jackson), "INVALID_VALUE", "This value does not have the expected shape.");
		}
		else {
			problems.error("body", "MALFORMED_JSON", "The body could not be read as a subscription.");
		}
		ResponseEntity<ProblemDetail> response = problems.response("The subscription could not be read.");
		response.getBody().setType(URI.create("urn:leverans:problem:malformed-request"));
		return response;
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}
}
