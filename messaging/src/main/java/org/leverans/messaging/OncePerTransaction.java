package org.leverans.messaging;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A value read once per transaction, however many times the transaction asks for it. The inbox applies a whole poll
 * batch in one transaction, and a planner plans a whole pass in one, so what the batch's events share (a customer's
 * agreement, who subscribed to a site) is read once per batch rather than once per event. Outside a transaction
 * nothing is remembered: every call reads.
 * <p>
 * Only for what the transaction does not change itself, or changes only where it also {@link #put puts} the new
 * value, and what may be as old as the transaction: a change another transaction commits meanwhile is seen by the
 * next one, as if it had committed just after this one ended. A row read {@code FOR UPDATE} stays as read until the
 * transaction ends, so such reads qualify too.
 *
 * @param <K> what a value is looked up by; equal keys share a value
 * @param <V> the value; a loader returns {@link java.util.Optional} rather than {@code null} for "none"
 */
public final class OncePerTransaction<K, V> {

	private final Function<K, V> loader;

	private OncePerTransaction(Function<K, V> loader) {
		this.loader = loader;
	}

	public static <K, V> OncePerTransaction<K, V> of(Function<K, V> loader) {
		return new OncePerTransaction<>(Objects.requireNonNull(loader));
	}

	public V get(K key) {
		if (!TransactionScoped.available()) {
			return this.loader.apply(key);
		}
		Map<K, V> values = TransactionScoped.valueOf(this, HashMap::new, read -> {
		});
		V value = values.get(key);
		if (value == null) {
			// Not computeIfAbsent: a loader may ask another OncePerTransaction, or this one for another key.
			value = Objects.requireNonNull(this.loader.apply(key), "a loader returns a value, not null");
			values.put(key, value);
		}
		return value;
	}

	/**
	 * Reads at once the values of those keys the transaction does not know yet, so a batch that will ask for many
	 * keys (a poll batch's orders) costs one read rather than one per key. Outside a transaction there is nothing to
	 * keep, so nothing is read.
	 * @param loader given the keys not known yet, returns a value for each of them
	 */
	public void getAll(Collection<K> keys, Function<Set<K>, Map<K, V>> loader) {
		if (!TransactionScoped.available()) {
			return;
		}
		Map<K, V> values = TransactionScoped.valueOf(this, HashMap::new, read -> {
		});
		Set<K> unknown = new LinkedHashSet<>();
		for (K key : keys) {
			if (!values.containsKey(key)) {
				unknown.add(key);
			}
		}
		if (unknown.isEmpty()) {
			return;
		}
		Map<K, V> loaded = loader.apply(unknown);
		for (K key : unknown) {
			values.put(key, Objects.requireNonNull(loaded.get(key), "a loader returns a value for every key"));
		}
	}

	/**
	 * What the transaction knows for {@code key} from now on, once it has changed it itself: later {@link #get}s in
	 * the transaction return it rather than what was read. Outside a transaction there is nothing to keep: the next
	 * {@code get} reads what was stored.
	 */
	public void put(K key, V value) {
		Objects.requireNonNull(value, "a value, not null");
		if (TransactionScoped.available()) {
			TransactionScoped.valueOf(this, HashMap<K, V>::new, read -> {
			}).put(key, value);
		}
	}
}
