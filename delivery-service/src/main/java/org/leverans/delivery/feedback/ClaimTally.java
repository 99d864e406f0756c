package org.leverans.delivery.feedback;

import java.sql.Timestamp;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.leverans.contracts.Topics;
import org.leverans.contracts.claim.ClaimAccepted;
import org.leverans.contracts.claim.ClaimFiled;
import org.leverans.contracts.claim.ClaimRejected;
import org.leverans.messaging.EventHandlers;
import org.leverans.messaging.Inbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps count of claims for the scorecard, from order-service's claim events: who a claim counts against, and
 * whether it was upheld. A consumer group of its own, so it reads every order event beside shipment planning.
 */
@Component
class ClaimTally {

	private final Inbox inbox;

	private final JdbcClient jdbc;

	private final EventHandlers handlers;

	ClaimTally(Inbox inbox, JdbcClient jdbc) {
		this.inbox = inbox;
		this.jdbc = jdbc;
		this.handlers = EventHandlers.named("delivery-claims")
			.on(ClaimFiled.class, this::filed)
			.on(ClaimAccepted.class, (accepted) -> decided(accepted.claimId(), "ACCEPTED"))
			.on(ClaimRejected.class, (rejected) -> decided(rejected.claimId(), "REJECTED"));
	}

	@KafkaListener(id = "delivery-claims", topics = Topics.ORDER, batch = "true")
	void on(List<ConsumerRecord<String, byte[]>> records) {
		this.inbox.receive(records, this.handlers);
	}

	private void filed(ClaimFiled claim) {
		this.jdbc.sql("""
				INSERT INTO claim_tally (claim_id, shipment_id, carrier, reason, against, status, filed_at)
				VALUES (?, ?, ?, ?, ?, 'OPEN', ?) ON CONFLICT (claim_id) DO NOTHING""")
			.params(claim.claimId(), claim.shipmentId(), claim.carrier(), claim.reason(), claim.against(),
					Timestamp.from(claim.filedAt()))
			.update();
	}

	private void decided(java.util.UUID claimId, String status) {
		this.jdbc.sql("UPDATE claim_tally SET status = ? WHERE claim_id = ?").params(status, claimId).update();
	}
}
