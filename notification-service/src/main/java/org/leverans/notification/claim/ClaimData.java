package org.leverans.notification.claim;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.leverans.contracts.claim.ClaimAccepted;
import org.leverans.contracts.claim.ClaimFiled;
import org.leverans.contracts.claim.ClaimRejected;

/**
 * The {@code data} of a {@code claim.updated} message: where the claim stands, in one shape for all three events so
 * a customer's system reads every update the same way. Fields that do not apply are left out.
 *
 * @param status OPEN once filed, then ACCEPTED or REJECTED
 * @param reason what the claim is about: DAMAGED, SHORT, WRONG_ITEM, LATE or OTHER
 * @param remedy CREDIT or REPLACEMENT, once accepted
 * @param note customer service's words: the acceptance note, or why the claim was rejected
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ClaimData(UUID claimId, String claimNumber, UUID orderId, String orderNumber, UUID shipmentId, String status,
		String reason, String remedy, UUID replacementOrderId, String replacementOrderNumber, String note,
		Instant occurredAt) {

	static final String OPEN = "OPEN";

	static final String ACCEPTED = "ACCEPTED";

	static final String REJECTED = "REJECTED";

	static ClaimData filed(ClaimFiled event, Instant occurredAt) {
		return new ClaimData(event.claimId(), event.claimNumber(), event.orderId(), event.orderNumber(),
				event.shipmentId(), OPEN, event.reason(), null, null, null, null, occurredAt);
	}

	/** @param filing what the filing said, if this service saw it; the acceptance does not repeat the reason */
	static ClaimData accepted(ClaimAccepted event, KnownClaim filing, Instant occurredAt) {
		UUID shipmentId = (event.shipmentId() != null) ? event.shipmentId()
				: (filing != null) ? filing.shipmentId() : null;
		return new ClaimData(event.claimId(), event.claimNumber(), event.orderId(), event.orderNumber(), shipmentId,
				ACCEPTED, (filing != null) ? filing.reason() : null, event.remedy(), event.replacementOrderId(),
				event.replacementOrderNumber(), blankToNull(event.note()), occurredAt);
	}

	/** The rejection's {@code reason} is customer service's answer; the claim's own reason comes from its filing. */
	static ClaimData rejected(ClaimRejected event, KnownClaim filing, Instant occurredAt) {
		return new ClaimData(event.claimId(), event.claimNumber(), event.orderId(), event.orderNumber(),
				(filing != null) ? filing.shipmentId() : null, REJECTED, (filing != null) ? filing.reason() : null,
				null, null, null, blankToNull(event.reason()), occurredAt);
	}

	private static String blankToNull(String value) {
		return (value != null && !value.isBlank()) ? value : null;
	}
}
