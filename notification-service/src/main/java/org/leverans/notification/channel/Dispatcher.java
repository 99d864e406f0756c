package org.leverans.notification.channel;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.leverans.notification.stream.RetainedWithStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.leverans.messaging.WrittenOncePerTransaction.column;

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
			Map<Long, M> found = loadAll(leased.stream().map(Leased::id).toList());
			List<Leased> loaded = new ArrayList<>(leased.size());
			List<M> messages = new ArrayList<>(leased.size());
			for (Leased lease : leased) {
				// Gone meanwhile (its endpoint removed, say): its channel has settled it already.
				M message = found.get(lease.id());
				if (message != null) {
					loaded.add(lease);
					messages.add(message);
				}
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

	/**
	 * What to send for each leased queue row still there, by id. One statement per row unless the channel reads
	 * them together: a channel that leases several at a time should, as a statement costs PostgreSQL far more than a
	 * row.
	 */
	protected Map<Long, M> loadAll(List<Long> ids) {
		Map<Long, M> found = new HashMap<>();
		ids.forEach(id -> load(id).ifPresent(message -> found.put(id, message)));
		return found;
	}

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
		List<Settled> settled = new ArrayList<>(leased.size());
		for (int i = 0; i < leased.size(); i++) {
			int tries = leased.get(i).attempts() + 1;
			settled.add(new Settled(leased.get(i).id(), tries, attempts.get(i),
					outcome(leased.get(i), tries, attempts.get(i))));
		}
		this.transactions.executeWithoutResult(status -> {
			settle(settled);
			for (int i = 0; i < leased.size(); i++) {
				recorded(leased.get(i), messages.get(i), attempts.get(i), settled.get(i).outcome());
			}
		});
		for (int i = 0; i < leased.size(); i++) {
			Outcome outcome = settled.get(i).outcome();
			int tries = settled.get(i).attempts();
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

	/**
	 * The outcomes of tries sent together, a statement for each kind of outcome among them rather than one per
	 * message: e-mails go 20 at a time, and nearly all of them are delivered.
	 */
	private void settle(List<Settled> settled) {
		delivered(settled.stream().filter(one -> one.outcome().status() == Status.DELIVERED).toList());
		kept(settled.stream().filter(one -> one.outcome().status() == Status.KEPT).toList());
		scheduled(settled.stream()
			.filter(one -> one.outcome().status() == Status.PENDING || one.outcome().status() == Status.FAILED)
			.toList());
	}

	private void delivered(List<Settled> delivered) {
		if (delivered.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				UPDATE %s AS queued
				SET status = 'DELIVERED', attempts = settled.attempts::int,
				    delivered_at = settled.ended_at::timestamptz, last_status_code = settled.status_code::int,
				    last_error = NULL, redelivery_requested_at = NULL
				FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS settled(id, attempts, ended_at, status_code)
				WHERE queued.id = settled.id::bigint""".formatted(this.table))
			.params(column(delivered, Settled::id), column(delivered, Settled::attempts),
					column(delivered, one -> one.attempt().endedAt()),
					column(delivered, one -> one.attempt().statusCode()))
			.update();
	}

	/** A redelivery that failed leaves the message DELIVERED if it ever was, FAILED otherwise. */
	private void kept(List<Settled> kept) {
		if (kept.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				UPDATE %s AS queued
				SET status = CASE WHEN queued.delivered_at IS NULL THEN 'FAILED' ELSE 'DELIVERED' END,
				    attempts = settled.attempts::int, last_status_code = settled.status_code::int,
				    last_error = settled.error, redelivery_requested_at = NULL
				FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS settled(id, attempts, status_code, error)
				WHERE queued.id = settled.id::bigint""".formatted(this.table))
			.params(column(kept, Settled::id), column(kept, Settled::attempts),
					column(kept, one -> one.attempt().statusCode()), column(kept, one -> one.attempt().failure()))
			.update();
	}

	/** Tried again later (PENDING), or given up on (FAILED). */
	private void scheduled(List<Settled> scheduled) {
		if (scheduled.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				UPDATE %s AS queued
				SET status = settled.status, attempts = settled.attempts::int,
				    next_attempt_at = settled.next_attempt_at::timestamptz, last_status_code = settled.status_code::int,
				    last_error = settled.error
				FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
				     AS settled(id, status, attempts, next_attempt_at, status_code, error)
				WHERE queued.id = settled.id::bigint""".formatted(this.table))
			.params(column(scheduled, Settled::id), column(scheduled, one -> one.outcome().status()),
					column(scheduled, Settled::attempts), column(scheduled, one -> one.outcome().nextAttemptAt()),
					column(scheduled, one -> one.attempt().statusCode()),
					column(scheduled, one -> one.attempt().failure()))
			.update();
	}

	/** A queue row leased for one try. */
	protected record Leased(long id, int attempts, boolean redelivery) {
	}

	/** A try and what it came to, as its queue row records it; {@code attempts} counts this try. */
	private record Settled(long id, int attempts, Attempt attempt, Outcome outcome) {
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
