package org.leverans.notification.follow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The {@code follow} table. */
@Repository
public class Follows {

	private final JdbcClient jdbc;

	Follows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Follows an order or a customer; following it again returns the existing follow.
	 * @return the follow, and whether it was created now
	 */
	@Transactional
	Added add(String subject, UUID orderId, UUID customerId, Instant now) {
		int inserted = this.jdbc.sql("""
				INSERT INTO follow (id, subject, order_id, customer_id, created_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING""")
			.params(UUID.randomUUID(), subject, orderId, customerId, Timestamp.from(now))
			.update();
		Follow follow = this.jdbc.sql("""
				SELECT * FROM follow WHERE subject = ? AND order_id IS NOT DISTINCT FROM ?
				  AND customer_id IS NOT DISTINCT FROM ?""")
			.params(subject, orderId, customerId)
			.query(Follows::row)
			.list().getFirst();
		return new Added(follow, inserted == 1);
	}

	List<Follow> list(String subject) {
		return this.jdbc.sql("SELECT * FROM follow WHERE subject = ? ORDER BY created_at, id")
			.params(subject)
			.query(Follows::row)
			.list();
	}

	Optional<Follow> find(String subject, UUID id) {
		return this.jdbc.sql("SELECT * FROM follow WHERE subject = ? AND id = ?")
			.params(subject, id)
			.query(Follows::row)
			.optional();
	}

	void remove(String subject, UUID id) {
		this.jdbc.sql("DELETE FROM follow WHERE subject = ? AND id = ?")
			.params(subject, id)
			.update();
	}

	boolean orderKnown(UUID orderId) {
		return Boolean.TRUE.equals(this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM known_order WHERE order_id = ?)")
			.params(orderId)
			.query(Boolean.class)
			.single());
	}

	/** What the person follows now. */
	public Followed of(String subject) {
		Set<UUID> orders = new HashSet<>();
		Set<UUID> customers = new HashSet<>();
		for (Follow follow : list(subject)) {
			if (follow.orderId() != null) {
				orders.add(follow.orderId());
			}
			if (follow.customerId() != null) {
				customers.add(follow.customerId());
			}
		}
		return new Followed(orders, customers);
	}

	private static Follow row(ResultSet rs, int rowNum) throws SQLException {
		return new Follow(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
				rs.getObject("customer_id", UUID.class), rs.getTimestamp("created_at").toInstant());
	}

	record Added(Follow follow, boolean created) {
	}
}
