package org.leverans.messaging;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class OncePerTransactionTest {

	private final List<String> reads = new ArrayList<>();

	private final OncePerTransaction<String, String> agreementOf = OncePerTransaction.of(customer -> {
		this.reads.add(customer);
		return "agreement of " + customer + " (read " + this.reads.size() + ")";
	});

	private final TransactionTemplate transaction = new TransactionTemplate(new SynchronizingTransactions());

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
	void whatTheTransactionPutsIsWhatItGetsFromThenOnAndTheNextReadsAgain() {
		List<String> first = this.transaction.execute(status -> {
			String read = this.agreementOf.get("rakennus");
			this.agreementOf.put("rakennus", "agreement of rakennus (renewed)");
			this.agreementOf.put("bygg", "agreement of bygg (new)");
			return List.of(read, this.agreementOf.get("rakennus"), this.agreementOf.get("bygg"));
		});
		String second = this.transaction.execute(status -> this.agreementOf.get("rakennus"));

		assertThat(first).containsExactly("agreement of rakennus (read 1)", "agreement of rakennus (renewed)",
				"agreement of bygg (new)");
		assertThat(second).isEqualTo("agreement of rakennus (read 2)");
		assertThat(this.reads).containsExactly("rakennus", "rakennus");
	}

	@Test
	void readsTheKeysATransactionDoesNotKnowYetAtOnceAndThenFindsThem() {
		List<List<String>> loads = new ArrayList<>();
		List<String> got = this.transaction.execute(status -> {
			String known = this.agreementOf.get("rakennus");
			this.agreementOf.getAll(List.of("rakennus", "bygg", "talo", "bygg"), customers -> {
				loads.add(List.copyOf(customers));
				return customers.stream().collect(java.util.stream.Collectors.toMap(c -> c, c -> "agreement of " + c
						+ " (read with others)"));
			});
			return List.of(known, this.agreementOf.get("rakennus"), this.agreementOf.get("bygg"),
					this.agreementOf.get("talo"));
		});

		assertThat(loads).containsExactly(List.of("bygg", "talo"));
		assertThat(got).containsExactly("agreement of rakennus (read 1)", "agreement of rakennus (read 1)",
				"agreement of bygg (read with others)", "agreement of talo (read with others)");
		assertThat(this.reads).containsExactly("rakennus");
	}

	@Test
	void readsNothingAtOnceOutsideATransaction() {
		List<String> loaded = new ArrayList<>();
		this.agreementOf.getAll(List.of("rakennus"), customers -> {
			loaded.addAll(customers);
			return java.util.Map.of();
		});

		assertThat(loaded).isEmpty();
		assertThat(this.agreementOf.get("rakennus")).isEqualTo("agreement of rakennus (read 1)");
	}

	@Test
	void aValuePutOutsideATransactionIsNotKept() {
		this.agreementOf.put("rakennus", "agreement of rakennus (renewed)");

		assertThat(this.agreementOf.get("rakennus")).isEqualTo("agreement of rakennus (read 1)");
		assertThat(TransactionSynchronizationManager.getResourceMap()).isEmpty();
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
}
