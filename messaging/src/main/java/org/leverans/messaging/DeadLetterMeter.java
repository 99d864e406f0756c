package org.leverans.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.leverans.contracts.Topics;
import org.leverans.messaging.deadletter.DeadLetters;

/**
 * Counts the records this service gave up on and sent to a dead-letter topic, by the topic they came from, and how
 * many of them still wait for a person's decision. Every contract topic starts at zero, so a rate over the first dead
 * letter is defined.
 */
class DeadLetterMeter implements MeterBinder {

	static final String NAME = "leverans.dead.letters";

	private final DeadLetters deadLetters;

	private volatile MeterRegistry registry;

	DeadLetterMeter(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry = registry;
		for (String topic : Topics.ALL) {
			counter(registry, topic);
		}
		Gauge.builder(NAME + ".pending", this.deadLetters, DeadLetters::pending)
			.description("Dead letters of this service waiting to be replayed or discarded")
			.register(registry);
	}

	void deadLettered(String topic) {
		MeterRegistry current = this.registry;
		if (current != null) {
			counter(current, topic).increment();
		}
	}

	private static Counter counter(MeterRegistry registry, String topic) {
		return Counter.builder(NAME)
			.description("Records this service sent to a dead-letter topic, by the topic they came from")
			.tag("topic", topic)
			.register(registry);
	}
}
