package org.leverans.notification.channel;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.leverans.notification.stream.RetainedWithStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends one channel's queued messages, by the one lease and retry rule of every channel. A queue table
 * ({@code mail_delivery}, {@code webhook_delivery}) has the columns {@code id, status, attempts, next_attempt_at,
 * last_status_code, last_error, created_at, delivered_at, redelivery_requested_at}; a message is PENDING until it is
 * DELIVERED or FAILED (or CANCELLED by its channel).
 * <ul>
 * <li>Due messages are leased, as many at a time as the channel sends together ({@code sentTogether}: one for
 * webhooks, whose receivers each answer in their own time; several for e-mail, which goes to one mail server over
 * one connection), by moving their {@code next_attempt_at} past twice the channel's send timeout, in a statement of
 * its own: no transaction and no database connection waits on a slow receiver, no other instance takes the messages
 * meanwhile, and an instance that dies mid-send only delays them. A receiver may therefore get a message twice.</li>
 * <li>The tries' outcomes are recorded in one short transaction: DELIVERED, or PENDING again after the
 * {@link RetryPolicy}'s wait, or FAILED when the policy gives up. A try a person asked for (a redelivery) does not
 * start the schedule again: the message keeps the outcome it had.</li>
 * </ul>
 *
 * @param <M> what the channel reads to send one message
 */
public abstract class Dispatcher<M> implements RetainedWithStream {

	private static final int BATCH = 20;

	private final Logger logger = LoggerFactory.getLogger(getClass());

	private final String table;

	private final String sendable;

	private final Duration lease;

	private final RetryPolicy policy;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final int sentTogether;

	/**
	 * @param table the channel's queue table
	 * @param sendable the SQL condition a due row must also meet to be sent now ({@code TRUE} for always)
	 * @param sendTimeout the longest one try may take (for messages sent together: all of them)
	 * @param sentTogether how many messages are leased and sent together ({@link #sendAll})
	 */
	protected Dispatcher(String table, String sendable, Duration sendTimeout, int sentTogether, RetryPolicy policy,
			JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
		this.sentTogether = Math.max(1, Math.min(sentTogether, BATCH));
		this.table = table;
		this.sendable = sendable;
		this.lease = sendTimeout.multipliedBy(2);
		this.policy = policy;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/** @return how many messages this pass tried */
	public int sendDue() {
		int tried = 0;
		while (tried < BATCH) {
			List<Leased> leased = leaseNext(Math.min(this.sentTogether, BATCH - tried));
			if (leased.isEmpty()) {
				break;
			}
			tried += leased.size();
			List<Leased> loaded = new ArrayList<>(leased.size());
			List<M> messages = new ArrayList<>(leased.size());
			for (Leased lease : leased) {
				// Gone meanwhile (its endpoint removed, say): its channel has settled it already.
				load(lease.id()).ifPresent(message -> {
					loaded.add(lease);
					messages.add(message);
				});
			}
			if (!messages.isEmpty()) {
				record(loaded, messages, sendAll(messages));
			}
		}
		return tried;
	}

	/**
	 * The tries of messages leased together, one per message in their order, outside any transaction; never throws.
	 * One at a time unless the channel can do better (one connection for several e-mails).
	 */
	protected List<Attempt> sendAll(List<M> messages) {
		return messages.stream().map(this::send).toList();
	}

	/** What to send for the leased queue row. */
	protected abstract Optional<M> load(long id);

	/** One try, outside any transaction; never throws. */
	protected abstract Attempt send(M message);

	/** The message in log lines, e.g. its recipient. */
	protected abstract String describe(M message);

	/** Whatever else the channel records about a try, in the transaction that settles it. */
	protected void recorded(Leased leased, M message, Attempt attempt, Outcome outcome) {
	}

	protected Instant now() {
		return this.clock.instant();
	}

	/** Deletes the finished messages created before {@code before}. */
	@Override
	public void forgetFinishedBefore(Instant before) {
		this.jdbc.sql("DELETE FROM " + this.table + " WHERE status <> 'PENDING' AND created_at < ?")
			.params(Timestamp.from(before))
			.update();
	}

	private List<Leased> leaseNext(int count) {
		Instant now = now();
		// UPDATE … RETURNING over a SKIP LOCKED pick commits the lease at once (auto-commit).
		List<Leased> leased = new ArrayList<>(this.jdbc.sql("UPDATE " + this.table
				+ " SET next_attempt_at = ? WHERE id IN (SELECT id FROM " + this.table
				+ " WHERE status = 'PENDING' AND next_attempt_at <= ? AND (" + this.sendable
				+ ") ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED) "
				+ "RETURNING id, attempts, redelivery_requested_at IS NOT NULL")
			.params(Timestamp.from(now.plus(this.lease)), Timestamp.from(now), count)
			.query((rs, n) -> new Leased(rs.getLong(1), rs.getInt(2), rs.getBoolean(3)))
			.list());
		leased.sort(Comparator.comparingLong(Leased::id));
		return leased;
	}

	private void record(List<Leased> leased, List<M> messages, List<Attempt> attempts) {
		List<Outcome> outcomes = new ArrayList<>(leased.size());
		for (int i = 0; i < leased.size(); i++) {
			outcomes.add(outcome(leased.get(i), leased.get(i).attempts() + 1, attempts.get(i)));
		}
		this.transactions.executeWithoutResult(status -> {
			for (int i = 0; i < leased.size(); i++) {
				settle(leased.get(i).id(), leased.get(i).attempts() + 1, attempts.get(i), outcomes.get(i));
				recorded(leased.get(i), messages.get(i), attempts.get(i), outcomes.get(i));
			}
		});
		for (int i = 0; i < leased.size(); i++) {
			Outcome outcome = outcomes.get(i);
			int tries = leased.get(i).attempts() + 1;
			if (outcome.status() == Status.PENDING) {
				this.logger.warn("{} failed (attempt {}), retrying at {}: {}", describe(messages.get(i)), tries,
						outcome.nextAttemptAt(), attempts.get(i).failure());
			}
			else if (outcome.status() == Status.FAILED) {
				this.logger.error("Giving up {} after {} attempts: {}", describe(messages.get(i)), tries,
						attempts.get(i).failure());
			}
		}
	}

	private Outcome outcome(Leased leased, int attempts, Attempt attempt) {
		if (attempt.delivered()) {
			return new Outcome(Status.DELIVERED, null);
		}
		if (leased.redelivery()) {
			return new Outcome(Status.KEPT, null);
		}
		Optional<Duration> wait = this.policy.nextWait(attempts, attempt.statusCode(), attempt.retryAfter(),
				ThreadLocalRandom.current().nextDouble());
		return wait.map(after -> new Outcome(Status.PENDING, attempt.endedAt().plus(after)))
			.orElseGet(() -> new Outcome(Status.FAILED, attempt.endedAt()));
	}

	private void settle(long id, int attempts, Attempt attempt, Outcome outcome) {
		String sql = switch (outcome.status()) {
			case DELIVERED -> """
					UPDATE %s SET status = 'DELIVERED', attempts = ?, delivered_at = ?, last_status_code = ?,
					       last_error = NULL, redelivery_requested_at = NULL
					WHERE id = ?""";
			case KEPT -> """
					UPDATE %s SET status = CASE WHEN delivered_at IS NULL THEN 'FAILED' ELSE 'DELIVERED' END,
					       attempts = ?, last_status_code = ?, last_error = ?, redelivery_requested_at = NULL
					WHERE id = ?""";
			case PENDING, FAILED -> """
					UPDATE %s SET status = ?, attempts = ?, next_attempt_at = ?, last_status_code = ?, last_error = ?
					WHERE id = ?""";
		};
		Object[] params = switch (outcome.status()) {
			case DELIVERED -> new Object[] { attempts, Timestamp.from(attempt.endedAt()), attempt.statusCode(), id };
			case KEPT -> new Object[] { attempts, attempt.statusCode(), attempt.failure(), id };
			case PENDING, FAILED -> new Object[] { outcome.status().name(), attempts,
					Timestamp.from(outcome.nextAttemptAt()), attempt.statusCode(), attempt.failure(), id };
		};
		this.jdbc.sql(sql.formatted(this.table)).params(params).update();
	}

	/** A queue row leased for one try. */
	protected record Leased(long id, int attempts, boolean redelivery) {
	}

	/** What a try came to; {@code nextAttemptAt} while PENDING. */
	protected record Outcome(Status status, Instant nextAttemptAt) {
	}

	protected enum Status {

		DELIVERED, PENDING, FAILED,

		/** A person's extra try that failed: the message keeps the outcome it had before. */
		KEPT

	}
}
