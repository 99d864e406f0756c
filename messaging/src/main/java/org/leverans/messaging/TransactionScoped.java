package org.leverans.messaging;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value kept for the current transaction under an owner's name: made when the transaction first asks for it, set
 * aside while a transaction started inside it (REQUIRES_NEW) runs, which gets its own, and dropped when the
 * transaction ends. What {@link OncePerTransaction} and {@link WrittenOncePerTransaction} keep.
 */
final class TransactionScoped {

	private TransactionScoped() {
	}

	/** Whether there is a transaction to keep a value for; outside one, callers do their work at once. */
	static boolean available() {
		return TransactionSynchronizationManager.isActualTransactionActive()
				&& TransactionSynchronizationManager.isSynchronizationActive();
	}

	/** The value this transaction keeps for {@code owner}, or null when it has none yet. */
	@SuppressWarnings("unchecked")
	static <V> V current(Object owner) {
		return (V) TransactionSynchronizationManager.getResource(owner);
	}

	/**
	 * The value this transaction keeps for {@code owner}, made by {@code fresh} on first use.
	 * @param beforeCommit what to do with the value as the transaction commits (it does not run on rollback)
	 */
	static <V> V valueOf(Object owner, Supplier<V> fresh, Consumer<V> beforeCommit) {
		V value = current(owner);
		if (value != null) {
			return value;
		}
		V made = fresh.get();
		TransactionSynchronizationManager.bindResource(owner, made);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void beforeCommit(boolean readOnly) {
				beforeCommit.accept(made);
			}

			@Override
			public void suspend() {
				TransactionSynchronizationManager.unbindResourceIfPossible(owner);
			}

			@Override
			public void resume() {
				TransactionSynchronizationManager.bindResource(owner, made);
			}

			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(owner);
			}
		});
		return made;
	}
}
