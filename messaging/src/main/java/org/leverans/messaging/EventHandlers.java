package org.leverans.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.leverans.contracts.EventContract;

/**
 * What one consumer does with each event type it cares about. Types it does not name are skipped, so a writer can
 * add event types without breaking its readers.
 *
 * <pre>
 * private final EventHandlers handlers = EventHandlers.named("order-status")
 *     .on(OrderValidated.class, validation::validated)
 *     .on(OrderValidationFailed.class, validation::failed);
 * </pre>
 */
public final class EventHandlers {

	private final String consumer;

	private final Map<String, Handler<?>> byType = new LinkedHashMap<>();

	private Consumer<List<EventMetadata>> beforeBatch = applying -> {
	};

	private EventHandlers(String consumer) {
		this.consumer = consumer;
	}

	/**
	 * @param consumer names this consumer in the inbox; events are deduplicated per consumer name, so two
	 * consumers in one service may each apply the same event once
	 */
	public static EventHandlers named(String consumer) {
		return new EventHandlers(consumer);
	}

	public <T> EventHandlers on(Class<T> type, Consumer<T> handler) {
		return onEvent(type, (event, metadata) -> handler.accept(event));
	}

	public <T> EventHandlers onEvent(Class<T> type, BiConsumer<T, EventMetadata> handler) {
		EventContract contract = contractOf(type);
		this.byType.put(contract.type(), new Handler<>(type, handler));
		return this;
	}

	/**
	 * Runs in the batch's transaction before its handlers, with the events about to be applied (those this consumer
	 * has not applied before), in order: where each handler would lock or read what its event is about, this can do
	 * it for the whole batch in one statement ({@link OncePerTransaction#getAll}).
	 */
	public EventHandlers beforeBatch(Consumer<List<EventMetadata>> prepare) {
		this.beforeBatch = Objects.requireNonNull(prepare);
		return this;
	}

	String consumer() {
		return this.consumer;
	}

	void prepare(List<EventMetadata> applying) {
		this.beforeBatch.accept(applying);
	}

	Handler<?> handlerFor(String type) {
		return this.byType.get(type);
	}

	record Handler<T>(Class<T> payloadType, BiConsumer<T, EventMetadata> action) {

		void apply(Object payload, EventMetadata metadata) {
			this.action.accept(this.payloadType.cast(payload), metadata);
		}
	}

	static EventContract contractOf(Class<?> type) {
		EventContract contract = type.getAnnotation(EventContract.class);
		if (contract == null) {
			throw new IllegalArgumentException(type.getName() + " is not an @EventContract payload");
		}
		return contract;
	}
}
