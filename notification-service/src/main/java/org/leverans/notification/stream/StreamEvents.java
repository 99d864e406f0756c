package org.leverans.notification.stream;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.leverans.messaging.OncePerTransaction;
import org.leverans.messaging.WrittenOncePerTransaction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.leverans.messaging.WrittenOncePerTransaction.column;
import static org.leverans.notification.PostgresArrays.literal;

/** The {@code stream_event} table: the recorded changes every instance's streams are fed from. */
@Repository
public class StreamEvents {

	/** The channel every instance LISTENs on; the payload is the new row's id. */
	public static final String CHANNEL = "stream_event";

	/**
	 * Serializes appends across instances for the length of their transactions, so rows become visible in id
	 * order. Without it a row could commit after one with a higher id, and a client that already had the higher id
	 * would never be sent the lower one: a gap on resume.
	 */
	private static final long APPEND_LOCK = 0x53747265616d4576L;

	private static final String COLUMNS = "id, event_name, customer_id, site_ids, data, created_at, order_id, "
			+ "recipient";

	private static final RowMapper<StreamEvent> ROW = StreamEvents::row;

	private final JdbcClient jdbc;

	/**
	 * Taken once per transaction: PostgreSQL would grant it again at once, but an inbox batch appends several rows in
	 * one transaction, and each extra round trip costs both processes CPU.
	 */
	private final OncePerTransaction<Long, Boolean> appendLock;

	/** Changes recorded without asking for their ids: written together as the transaction commits. */
	private final WrittenOncePerTransaction<Recorded> recorded;

	StreamEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.appendLock = OncePerTransaction.of(lock -> this.jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(?)")
			.params(lock)
			.query(Integer.class)
			.single() == 1);
		this.recorded = WrittenOncePerTransaction.of(this::write);
	}

	/**
	 * Records a change, like {@link #append}, but written with every other change the transaction records this way,
	 * in one statement as it commits: for the changes an inbox batch feeds the stream with, whose ids nobody asks for.
	 * Rows still take their ids in the order they were recorded, also among those appended with {@link #append}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String name, UUID customerId, Collection<UUID> siteIds, UUID orderId, UUID shipmentId,
			String sourceEventId, String data, Instant createdAt) {
		record(name, customerId, siteIds, orderId, shipmentId, sourceEventId, () -> data, createdAt);
	}

	/**
	 * Records a change like {@link #record(String, UUID, Collection, UUID, UUID, String, String, Instant)}, its data
	 * made as the row is written: for data that shows what is read for all the transaction's rows at once then (an
	 * order's number), rather than once per row as it is recorded.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String name, UUID customerId, Collection<UUID> siteIds, UUID orderId, UUID shipmentId,
			String sourceEventId, Supplier<String> data, Instant createdAt) {
		record(name, customerId, () -> siteIds, orderId, shipmentId, sourceEventId, data, createdAt);
	}

	/**
	 * Records a change like {@link #record(String, UUID, Collection, UUID, UUID, String, Supplier, Instant)}, its
	 * sites too had as the row is written: for rows that show the sites of an order, read for all the transaction's
	 * rows at once then.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String name, UUID customerId, Supplier<? extends Collection<UUID>> siteIds, UUID orderId,
			UUID shipmentId, String sourceEventId, Supplier<String> data, Instant createdAt) {
		this.recorded.add(new Recorded(name, (customerId != null) ? customerId.toString() : null, siteIds,
				(orderId != null) ? orderId.toString() : null, (shipmentId != null) ? shipmentId.toString() : null,
				sourceEventId, data, createdAt.toString()));
	}

	/**
	 * Records a change and tells every instance about it when the surrounding transaction commits (PostgreSQL
	 * delivers notifications only on commit, in commit order).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long append(String name, UUID customerId, Collection<UUID> siteIds, UUID orderId, UUID shipmentId,
			String sourceEventId, String data, Instant createdAt) {
		return append(name, customerId, siteIds, orderId, shipmentId, sourceEventId, data, createdAt, null);
	}

	/**
	 * Records a change for one person only: {@code recipient} (their subject) sees it if they may see the change at
	 * all, nobody else does. It takes the next id like any row, so every stream's ids still only grow.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long append(String name, UUID customerId, Collection<UUID> siteIds, UUID orderId, UUID shipmentId,
			String sourceEventId, String data, Instant createdAt, String recipient) {
		// What was recorded before this change comes before it in the stream.
		this.recorded.flush();
		this.appendLock.get(APPEND_LOCK);
		Long id = this.jdbc.sql("""
				WITH appended AS (
				    INSERT INTO stream_event (event_name, customer_id, site_ids, order_id, shipment_id, source_event_id,
				                              data, created_at, recipient)
				    VALUES (?, ?, ?::uuid[], ?, ?, ?, ?, ?, ?)
				    RETURNING id)
				SELECT id FROM appended, pg_notify(?, id::text)""")
			.params(name, customerId, literal(siteIds), orderId, shipmentId, sourceEventId, data,
					Timestamp.from(createdAt), recipient, CHANNEL)
			.query(Long.class)
			.single();
		return id;
	}

	/** The recorded changes of a transaction in one statement, their ids in the order recorded; one notice for all. */
	private void write(List<Recorded> changes) {
		this.appendLock.get(APPEND_LOCK);
		this.jdbc.sql("""
				WITH appended AS (
				    INSERT INTO stream_event (event_name, customer_id, site_ids, order_id, shipment_id, source_event_id,
				                              data, created_at)
				    SELECT event_name, customer_id::uuid, site_ids::uuid[], order_id::uuid, shipment_id::uuid,
				           source_event_id, data, created_at::timestamptz
				    FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
				         WITH ORDINALITY AS change(event_name, customer_id, site_ids, order_id, shipment_id,
				                                   source_event_id, data, created_at, position)
				    ORDER BY position
				    RETURNING id)
				SELECT count(*) FROM appended, (SELECT pg_notify(?, max(id)::text) FROM appended) AS notice""")
			.params(column(changes, Recorded::name), column(changes, Recorded::customerId),
					column(changes, change -> literal(change.siteIds().get())), column(changes, Recorded::orderId),
					column(changes, Recorded::shipmentId), column(changes, Recorded::sourceEventId),
					column(changes, change -> change.data().get()), column(changes, Recorded::createdAt), CHANNEL)
			.query(Long.class)
			.single();
	}


	/** A change as {@link #record} keeps it until the commit, every column as text (its sites and data once had). */
	private record Recorded(String name, String customerId, Supplier<? extends Collection<UUID>> siteIds,
			String orderId, String shipmentId, String sourceEventId, Supplier<String> data, String createdAt) {
	}

	/**
	 * Every row after {@code afterId}, oldest first, aimed ones included: what an instance pushes to its connected
	 * streams, and what the mail and webhook planners read (they pass over the aimed ones).
	 */
	public List<StreamEvent> after(long afterId, int limit) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM stream_event WHERE id > ? ORDER BY id LIMIT ?")
			.params(afterId, limit)
			.query(ROW)
			.list();
	}

	/** The rows after {@code afterId} this audience may see, oldest first: what a reconnecting client missed. */
	public List<StreamEvent> after(long afterId, Audience audience, int limit) {
		if (audience.seesNothing()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM stream_event
				WHERE id > ? AND (? OR customer_id = ANY(?::uuid[]) OR site_ids && ?::uuid[]
				                  OR order_id = ANY(?::uuid[]))
				  AND (recipient IS NULL OR recipient = ?)
				ORDER BY id LIMIT ?""")
			.params(afterId, audience.everything(), literal(audience.customerIds()), literal(audience.siteIds()),
					literal(audience.orderIds()), audience.subject(), limit)
			.query(ROW)
			.list();
	}

	/** The id of the newest row, or 0 when there is none. */
	public long latestId() {
		return this.jdbc.sql("SELECT coalesce(max(id), 0) FROM stream_event").query(Long.class).single();
	}

	public int deleteCreatedBefore(Instant before) {
		return this.jdbc.sql("DELETE FROM stream_event WHERE created_at < ?")
			.params(Timestamp.from(before))
			.update();
	}

	private static StreamEvent row(ResultSet rs, int rowNum) throws SQLException {
		return new StreamEvent(rs.getLong("id"), rs.getString("event_name"), rs.getObject("customer_id", UUID.class),
				uuids(rs.getArray("site_ids")), rs.getString("data"), rs.getTimestamp("created_at").toInstant(),
				rs.getObject("order_id", UUID.class), rs.getString("recipient"));
	}

	private static Set<UUID> uuids(Array array) throws SQLException {
		if (array == null) {
			return Set.of();
		}
		Object[] values = (Object[]) array.getArray();
		return Arrays.stream(values).map(value -> (UUID) value).collect(Collectors.toUnmodifiableSet());
	}
}
