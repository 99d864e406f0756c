package org.leverans.notification.channel;

import java.util.List;

import org.leverans.notification.stream.StreamEvent;
import org.leverans.notification.stream.StreamEvents;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plans one channel's messages from the recorded changes ({@code stream_event}), each change once and in order. The
 * channel's cursor row ({@code <channel>_cursor}) is locked for the pass, so one instance plans at a time, and it
 * moves in the same transaction as the planned messages: nothing is planned twice or skipped.
 */
public abstract class ChangePlanner {

	private static final int BATCH = 200;

	private final String cursorTable;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final StreamEvents changes;

	protected ChangePlanner(String cursorTable, JdbcClient jdbc, PlatformTransactionManager transactionManager,
			StreamEvents changes) {
		this.cursorTable = cursorTable;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.changes = changes;
	}

	/** @return how many changes this pass read; {@code -1} if another instance holds the cursor */
	public int plan() {
		Integer read = this.transactions.execute(status -> {
			List<Long> cursor = this.jdbc
				.sql("SELECT last_stream_event_id FROM " + this.cursorTable + " WHERE id = 1 FOR UPDATE SKIP LOCKED")
				.query(Long.class)
				.list();
			if (cursor.isEmpty()) {
				return -1;
			}
			List<StreamEvent> batch = this.changes.after(cursor.getFirst(), BATCH);
			for (StreamEvent change : batch) {
				plan(change);
			}
			if (!batch.isEmpty()) {
				this.jdbc.sql("UPDATE " + this.cursorTable + " SET last_stream_event_id = ? WHERE id = 1")
					.params(batch.getLast().id())
					.update();
			}
			return batch.size();
		});
		return (read != null) ? read : 0;
	}

	/** Queues this channel's messages about one change, in the pass's transaction. */
	protected abstract void plan(StreamEvent change);
}
