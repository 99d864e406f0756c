package org.leverans.delivery.feedback;

import java.sql.Timestamp;
import java.util.UUID;

import org.leverans.contracts.claim.ClaimAccepted;
import org.leverans.contracts.claim.ClaimFiled;
import org.leverans.contracts.claim.ClaimRejected;
import org.leverans.messaging.EventHandlers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps count of claims for the scorecard, from order-service's claim events: who a claim counts against, and
 * whether it was upheld. The order topic's one listener in this service hands it its events, in the same poll
 * batch and transaction as shipment planning.
 */
@Component
public class ClaimTally {

	private final JdbcClient jdbc;

	private final EventHandlers handlers;

	ClaimTally(JdbcClient jdbc) {
		this.jdbc = jdbc;
		// The name the inbox remembers applied claim events under (once also this tally's consumer group): deployed
		// inboxes hold rows under it, so a claim event read again after the upgrade is still known.
		this.handlers = EventHandlers.named("delivery-claims")
			.on(ClaimFiled.class, this::filed)
			.on(ClaimAccepted.class, (accepted) -> decided(accepted.claimId(), "ACCEPTED"))
			.on(ClaimRejected.class, (rejected) -> decided(rejected.claimId(), "REJECTED"));
	}

	/** The claim events the tally acts on. */
	public EventHandlers handlers() {
		return this.handlers;
	}

	private void filed(ClaimFiled claim) {
		this.jdbc.sql("""
				INSERT INTO claim_tally (claim_id, shipment_id, carrier, reason, against, status, filed_at)
				VALUES (?, ?, ?, ?, ?, 'OPEN', ?) ON CONFLICT (claim_id) DO NOTHING""")
			.params(claim.claimId(), claim.shipmentId(), claim.carrier(), claim.reason(), claim.against(),
					Timestamp.from(claim.filedAt()))
			.update();
	}

	private void decided(UUID claimId, String status) {
		this.jdbc.sql("UPDATE claim_tally SET status = ? WHERE claim_id = ?").params(status, claimId).update();
	}
}
