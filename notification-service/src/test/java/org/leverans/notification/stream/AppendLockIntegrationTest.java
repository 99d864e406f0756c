package org.leverans.notification.stream;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.notification.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows become visible in id order only while every appending transaction holds the append lock until it ends. The
 * lock is asked for once per transaction, so what must hold is that each new transaction asks again; rows recorded
 * to be written at the commit take their ids in the order recorded.
 */
class AppendLockIntegrationTest extends IntegrationTest {

	@Autowired
	StreamEvents streamEvents;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void everyTransactionThatAppendsHoldsTheAppendLockUntilItEnds() {
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		for (int i = 0; i < 3; i++) {
			int held = transaction.execute(status -> {
				append();
				append();
				return advisoryLocksHeldHere();
			});
			assertThat(held).as("transaction %d", i).isEqualTo(1);
		}
		int rolledBack = transaction.execute(status -> {
			append();
			status.setRollbackOnly();
			return advisoryLocksHeldHere();
		});
		assertThat(rolledBack).isEqualTo(1);
		int afterRollback = transaction.execute(status -> {
			append();
			return advisoryLocksHeldHere();
		});
		assertThat(afterRollback).as("after a rollback").isEqualTo(1);
	}

	@Test
	void changesRecordedInATransactionAreWrittenAsItCommitsInTheOrderRecordedAmongAppendedOnes() {
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		String source = "record-test:" + UUID.randomUUID();
		transaction.executeWithoutResult(status -> {
			record(source, "first");
			record(source, "second");
			assertThat(dataOf(source)).as("before the commit").isEmpty();
			this.streamEvents.append(StreamEventNames.ORDER_STATUS_CHANGED, UUID.randomUUID(), Set.of(),
					UUID.randomUUID(), null, source, "{\"label\":\"third\"}", Instant.now(), "append-lock-test");
			record(source, "fourth");
		});
		transaction.executeWithoutResult(status -> {
			record(source, "never");
			status.setRollbackOnly();
		});

		assertThat(dataOf(source)).containsExactly("first", "second", "third", "fourth");
	}

	// A customer nobody works for, so no planner, mail or stream acts on these rows.
	private void record(String source, String label) {
		this.streamEvents.record(StreamEventNames.ORDER_STATUS_CHANGED, UUID.randomUUID(), Set.of(UUID.randomUUID()),
				UUID.randomUUID(), null, source, "{\"label\":\"" + label + "\"}", Instant.now());
	}

	private List<String> dataOf(String source) {
		return this.jdbc.queryForList(
				"SELECT data::json ->> 'label' FROM stream_event WHERE source_event_id = ? ORDER BY id", String.class,
				source);
	}

	// Aimed at nobody who exists, so no planner, mail or stream acts on these rows.
	private void append() {
		this.streamEvents.append(StreamEventNames.ORDER_STATUS_CHANGED, UUID.randomUUID(), Set.of(), UUID.randomUUID(),
				null, "append-lock-test:" + UUID.randomUUID(), "{}", Instant.now(), "append-lock-test");
	}

	private int advisoryLocksHeldHere() {
		return this.jdbc.queryForObject(
				"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted",
				Integer.class);
	}
}
