package org.leverans.order.claims;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A claim about delivered goods, as the customer and customer service see it.
 *
 * @param shipmentId the shipment the claim is about, when it names one
 * @param remedy for an accepted claim: CREDIT, or REPLACEMENT (credited and sent again on a new order)
 * @param decisionNote the reason of a rejection, or customer service's note on an acceptance
 */
public record Claim(UUID id, String number, UUID orderId, String orderNumber, UUID customerId, String customerName,
		UUID shipmentId, String carrier, ClaimReason reason, String description, Status status, List<Line> lines,
		List<Photo> photos, String filedBy, Instant filedAt, Remedy remedy, String decisionNote,
		UUID replacementOrderId, String replacementOrderNumber, String decidedBy, Instant decidedAt) {

	public enum Status {

		OPEN, ACCEPTED, REJECTED

	}

	public enum Remedy {

		CREDIT, REPLACEMENT

	}

	/** How much of one order line the claim is about. */
	public record Line(int lineNo, String sku, String name, int quantity) {
	}

	/** A photo of the claim; its bytes are at {@code url}. */
	public record Photo(UUID id, String contentType, int width, int height, int sizeBytes, String url) {
	}

	boolean isOpen() {
		return this.status == Status.OPEN;
	}
}
