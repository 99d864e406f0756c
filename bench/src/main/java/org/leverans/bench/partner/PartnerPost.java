package org.leverans.bench.partner;

/**
 * What one POST of shipment events got.
 * @param status the HTTP status, or -1 when no answer came
 * @param latencyMillis from the request's due time to the answer
 * @param events how many events the POST carried
 * @param accepted events applied, from the answer
 * @param duplicates events the platform already had
 * @param rejected events refused one by one
 */
public record PartnerPost(int status, double latencyMillis, int events, int accepted, int duplicates, int rejected) {

	public boolean shed() {
		return this.status == 429 || this.status == 503;
	}

	public boolean failed() {
		return this.status != 202 && !shed();
	}
}
