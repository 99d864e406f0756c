package org.leverans.messaging;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class OncePerTransactionTest {

	private final List<String> reads = new ArrayList<>();

	private final OncePerTransaction<String, String> agreementOf = OncePerTransaction.of(customer -> {
		this.reads.add(customer);
		return "agreement of " + customer + " (read " + this.reads.size() + ")";
	});

	private final TransactionTemplate transaction = new TransactionTemplate(new Transactions());

	@Test
	void readsAKeyOnceInATransactionAndAgainInTheNext() {
		List<String> first = this.transaction.execute(status -> List.of(this.agreementOf.get("rakennus"),
				this.agreementOf.get("bygg"), this.agreementOf.get("rakennus")));
		String second = this.transaction.execute(status -> this.agreementOf.get("rakennus"));

		assertThat(first).containsExactly("agreement of rakennus (read 1)", "agreement of bygg (read 2)",
				"agreement of rakennus (read 1)");
		assertThat(second).isEqualTo("agreement of rakennus (read 3)");
		assertThat(this.reads).containsExactly("rakennus", "bygg", "rakennus");
	}

	@Test
	void readsEveryTimeOutsideATransaction() {
		this.agreementOf.get("rakennus");
		this.agreementOf.get("rakennus");

		assertThat(this.reads).containsExactly("rakennus", "rakennus");
	}

	@Test
	void aTransactionRolledBackLeavesNothingForTheNext() {
		this.transaction.executeWithoutResult(status -> {
			this.agreementOf.get("rakennus");
			status.setRollbackOnly();
		});
		this.transaction.executeWithoutResult(status -> this.agreementOf.get("rakennus"));

		assertThat(this.reads).containsExactly("rakennus", "rakennus");
		assertThat(TransactionSynchronizationManager.getResourceMap()).isEmpty();
	}

	@Test
	void aTransactionStartedInsideAnotherReadsForItselfAndTheOuterKeepsWhatItRead() {
		TransactionTemplate inner = new TransactionTemplate(this.transaction.getTransactionManager());
		inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

		List<String> seen = this.transaction.execute(status -> {
			String outer = this.agreementOf.get("rakennus");
			String own = inner.execute(innerStatus -> this.agreementOf.get("rakennus"));
			return List.of(outer, own, this.agreementOf.get("rakennus"));
		});

		assertThat(seen).containsExactly("agreement of rakennus (read 1)", "agreement of rakennus (read 2)",
				"agreement of rakennus (read 1)");
	}

	/** Transactions with nothing behind them, but the synchronization and suspension a real manager does. */
	private static final class Transactions extends AbstractPlatformTransactionManager {

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected boolean isExistingTransaction(Object transaction) {
			return TransactionSynchronizationManager.isActualTransactionActive();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
		}

		@Override
		protected Object doSuspend(Object transaction) {
			return transaction;
		}

		@Override
		protected void doResume(Object transaction, Object suspendedResources) {
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
		}

		@Override
		protected void doSetRollbackOnly(DefaultTransactionStatus status) {
		}
	}
}
