package org.leverans.bench.load;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one order POST got.
 * @param status the HTTP status, or -1 when no answer came (timeout, refused connection)
 * @param latencyMillis from the request's due time to the answer
 * @param orderId the placed order, when the answer was 202
 * @param refusal for a 429 or 503, the last part of its problem type (e.g. {@code service-busy}: the gateway's
 * in-flight bound; {@code service-unavailable}: order-service's admission), so that a run says which guard refused
 */
public record Placement(int status, double latencyMillis, UUID orderId, String refusal) {

	private static final Pattern ORDER_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	private static final Pattern PROBLEM_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"[^\"]*?([a-z-]+)\"");

	/** An answer, read for what the benchmark counts: the order it placed, or why it was refused. */
	public static Placement answered(int status, double latencyMillis, String body) {
		UUID orderId = null;
		String refusal = null;
		if (status == 202) {
			Matcher id = ORDER_ID.matcher(body);
			orderId = id.find() ? UUID.fromString(id.group(1)) : null;
		}
		else if (status == 429 || status == 503) {
			Matcher type = PROBLEM_TYPE.matcher(body);
			refusal = type.find() ? type.group(1) : "no problem type";
		}
		return new Placement(status, latencyMillis, orderId, refusal);
	}

	public static Placement unanswered(double latencyMillis) {
		return new Placement(-1, latencyMillis, null, null);
	}

	public boolean placed() {
		return this.orderId != null;
	}

	/** Refused by overload protection: the request was never admitted, so it is not lost. */
	public boolean shed() {
		return this.status == 429 || this.status == 503;
	}
}
