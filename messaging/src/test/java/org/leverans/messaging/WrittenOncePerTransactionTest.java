package org.leverans.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WrittenOncePerTransactionTest {

	private final List<List<String>> statements = new ArrayList<>();

	private final WrittenOncePerTransaction<String> timeline = WrittenOncePerTransaction.of(this.statements::add);

	private final TransactionTemplate transaction = new TransactionTemplate(new SynchronizingTransactions());

	@Test
	void passesAColumnAsTextPostgresReadsBackAmountsInPlainNotationAndNullsAsNulls() {
		UUID id = UUID.fromString("8f0b7a52-8c1e-4d6f-9a41-3f2a9d1c0b11");
		List<Object> values = List.of(id, Instant.parse("2026-12-07T06:30:00Z"), new BigDecimal("1E+3"),
				Thread.State.NEW, 42);
		List<Object> withNull = new ArrayList<>(values);
		withNull.add(2, null);

		assertThat(WrittenOncePerTransaction.column(withNull, value -> value)).containsExactly(id.toString(),
				"2026-12-07T06:30:00Z", null, "1000", "NEW", "42");
	}

	@Test
	void writesATransactionsRowsInOneStatementInTheOrderAddedWhenItCommits() {
		this.transaction.executeWithoutResult(status -> {
			this.timeline.add("placed");
			this.timeline.add("validated");
			this.timeline.add("accepted");
			assertThat(this.statements).isEmpty();
		});
		this.transaction.executeWithoutResult(status -> this.timeline.add("shipment planned"));

		assertThat(this.statements).containsExactly(List.of("placed", "validated", "accepted"),
				List.of("shipment planned"));
	}

	@Test
	void aTransactionRolledBackWritesNothing() {
		this.transaction.executeWithoutResult(status -> {
			this.timeline.add("placed");
			status.setRollbackOnly();
		});
		assertThatThrownBy(() -> this.transaction.executeWithoutResult(status -> {
			this.timeline.add("validated");
			throw new IllegalStateException("the handler failed");
		})).isInstanceOf(IllegalStateException.class);

		assertThat(this.statements).isEmpty();
		assertThat(TransactionSynchronizationManager.getResourceMap()).isEmpty();
	}

	@Test
	void writesEachRowAtOnceOutsideATransaction() {
		this.timeline.add("placed");
		this.timeline.add("validated");

		assertThat(this.statements).containsExactly(List.of("placed"), List.of("validated"));
	}

	@Test
	void flushWritesWhatWasAddedSoFarSoTheTransactionCanReadItBack() {
		this.transaction.executeWithoutResult(status -> {
			this.timeline.add("placed");
			this.timeline.flush();
			assertThat(this.statements).containsExactly(List.of("placed"));
			this.timeline.flush();
			this.timeline.add("validated");
		});

		assertThat(this.statements).containsExactly(List.of("placed"), List.of("validated"));
	}

	@Test
	void aTransactionStartedInsideAnotherWritesItsOwnRowsWhenItCommits() {
		TransactionTemplate inner = new TransactionTemplate(this.transaction.getTransactionManager());
		inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

		this.transaction.executeWithoutResult(status -> {
			this.timeline.add("outer before");
			inner.executeWithoutResult(innerStatus -> this.timeline.add("inner"));
			assertThat(this.statements).containsExactly(List.of("inner"));
			this.timeline.add("outer after");
		});

		assertThat(this.statements).containsExactly(List.of("inner"), List.of("outer before", "outer after"));
	}

	@Test
	void aRowAddedAsTheTransactionCommitsIsStillWritten() {
		this.transaction.executeWithoutResult(status -> {
			this.timeline.add("placed");
			// Registered after the rows' own synchronization, so it runs after they were written.
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void beforeCommit(boolean readOnly) {
					WrittenOncePerTransactionTest.this.timeline.add("announced at commit");
				}
			});
		});

		assertThat(this.statements).containsExactly(List.of("placed"), List.of("announced at commit"));
	}
}
