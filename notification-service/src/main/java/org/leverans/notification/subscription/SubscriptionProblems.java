package org.leverans.notification.subscription;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.leverans.web.problem.ApiProblem;
import org.leverans.web.problem.FieldProblem;

/**
 * Checks what a subscription change asks for and answers what is wrong with it as a problem naming each field,
 * before anything is stored.
 */
final class SubscriptionProblems {

	static final String CHANNEL_EMAIL = "email";

	static final String CHANNEL_LIVE = "live";

	static final String CHANNEL_WEBHOOK = "webhook";

	private final List<FieldProblem> errors = new ArrayList<>();

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
		this.errors.add(FieldProblem.field(field, code, message));
	}

	boolean any() {
		return !this.errors.isEmpty();
	}

	ApiProblem problem(String detail) {
		return ApiProblem.invalid(detail, this.errors);
	}
}
