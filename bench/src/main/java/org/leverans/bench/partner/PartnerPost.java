package org.leverans.bench.partner;

import java.util.List;

/**
 * What one POST of shipment events got.
 * @param status the HTTP status, or -1 when no answer came
 * @param latencyMillis from the request's due time to the answer
 * @param events how many events the POST carried
 * @param accepted events applied, from the answer
 * @param duplicates events the platform already had
 * @param rejected events refused one by one
 * @param eventIds the ids of the events the POST carried
 */
public record PartnerPost(int status, double latencyMillis, int events, int accepted, int duplicates, int rejected,
		List<String> eventIds) {

	/** Answered 202 with every event applied: each of them must now be stored, once. */
	public boolean allApplied() {
		return this.status == 202 && this.accepted == this.events;
	}

	public boolean shed() {
		return this.status == 429 || this.status == 503;
	}

	public boolean failed() {
		return this.status != 202 && !shed();
	}
}
