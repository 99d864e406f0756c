package org.leverans.messaging;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Rows a transaction adds one by one, written in one statement just before it commits. The inbox applies a whole
 * poll batch in one transaction and a carrier's batch of shipment events is applied in one, so rows each event adds
 * (a timeline entry, an outgoing event) cost one statement per batch rather than one per event: a statement's own
 * cost in PostgreSQL is far more than a row's. The twin of {@link OncePerTransaction}, which does the same for reads.
 * <p>
 * The rows are written in the order they were added, inside the transaction: if writing them fails, the transaction
 * rolls back with everything else it did, and a transaction that rolls back writes none of them. Only for rows the
 * transaction does not read back itself, or reads after {@link #flush()}. Outside a transaction each row is written at
 * once.
 *
 * @param <R> a row, as the writer takes it
 */
public final class WrittenOncePerTransaction<R> {

	private final Consumer<List<R>> writer;

	private WrittenOncePerTransaction(Consumer<List<R>> writer) {
		this.writer = writer;
	}

	/**
	 * One column of the rows as text, for a writer's {@code unnest(?::text[], …)}: every writer passes its columns
	 * as text arrays and casts them back in SQL, so one statement takes any column type. Each value as PostgreSQL
	 * reads it back: its {@code toString()} (instants in ISO-8601, UUIDs, enums by name), amounts in plain notation,
	 * null as null.
	 */
	public static <R> String[] column(List<R> rows, Function<? super R, ?> value) {
		return rows.stream().map(value).map(v -> switch (v) {
			case null -> null;
			case BigDecimal amount -> amount.toPlainString();
			default -> v.toString();
		}).toArray(String[]::new);
	}

	/** @param writer writes the rows it is given, in their order, in one statement */
	public static <R> WrittenOncePerTransaction<R> of(Consumer<List<R>> writer) {
		return new WrittenOncePerTransaction<>(Objects.requireNonNull(writer));
	}

	public void add(R row) {
		Objects.requireNonNull(row);
		if (!TransactionScoped.available()) {
			this.writer.accept(List.of(row));
			return;
		}
		Pending<R> pending = TransactionScoped.valueOf(this, Pending::new, this::writeAtCommit);
		if (pending.committing) {
			// Added by another synchronization as the transaction commits, after this one wrote its rows.
			this.writer.accept(List.of(row));
			return;
		}
		pending.rows.add(row);
	}

	/** Writes what this transaction has added so far, so that it can read them back. */
	public void flush() {
		Pending<R> pending = TransactionScoped.current(this);
		if (pending != null) {
			write(pending);
		}
	}

	private void writeAtCommit(Pending<R> pending) {
		write(pending);
		pending.committing = true;
	}

	private void write(Pending<R> pending) {
		if (!pending.rows.isEmpty()) {
			List<R> rows = List.copyOf(pending.rows);
			pending.rows.clear();
			this.writer.accept(rows);
		}
	}

	private static final class Pending<R> {

		private final List<R> rows = new ArrayList<>();

		private boolean committing;
	}
}
