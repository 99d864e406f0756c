package org.leverans.notification.claim;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.leverans.contracts.claim.ClaimFiled;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code known_claim} table: each claim's filing, for the messages about its decision. */
@Repository
class KnownClaims {

	private final JdbcClient jdbc;

	KnownClaims(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void remember(ClaimFiled event, Instant at) {
		this.jdbc.sql("""
				INSERT INTO known_claim (claim_id, order_id, customer_id, shipment_id, reason, filed_by, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (claim_id) DO UPDATE
				SET shipment_id = EXCLUDED.shipment_id, reason = EXCLUDED.reason, filed_by = EXCLUDED.filed_by,
				    updated_at = EXCLUDED.updated_at""")
			.params(event.claimId(), event.orderId(), event.customerId(), event.shipmentId(), event.reason(),
					event.filedBy(), Timestamp.from(at))
			.update();
	}

	Optional<KnownClaim> find(UUID claimId) {
		return this.jdbc.sql("SELECT shipment_id, reason, filed_by FROM known_claim WHERE claim_id = ?")
			.params(claimId)
			.query((rs, n) -> new KnownClaim(rs.getObject("shipment_id", UUID.class), rs.getString("reason"),
					rs.getString("filed_by")))
			.optional();
	}
}
