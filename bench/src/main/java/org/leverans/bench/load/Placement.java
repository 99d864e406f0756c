package org.leverans.bench.load;

import java.util.UUID;

/**
 * What one order POST got.
 * @param status the HTTP status, or -1 when no answer came (timeout, refused connection)
 * @param latencyMillis from the request's due time to the answer
 * @param orderId the placed order, when the answer was 202
 */
public record Placement(int status, double latencyMillis, UUID orderId) {

	public boolean placed() {
		return this.orderId != null;
	}

	/** Refused by overload protection: the request was never admitted, so it is not lost. */
	public boolean shed() {
		return this.status == 429 || this.status == 503;
	}
}
