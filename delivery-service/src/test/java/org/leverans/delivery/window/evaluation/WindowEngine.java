package org.leverans.delivery.window.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.delivery.window.ArrivalErrors;
import org.leverans.delivery.window.DeliveryWindowPolicy;
import org.leverans.delivery.window.WindowEvidence;
import org.leverans.delivery.window.WindowProperties;

/**
 * The production window engine with its defaults, fed in memory what the database would hold: learns from each
 * delivery as the service does, and draws the window as the service would show it.
 */
final class WindowEngine {

	private final DeliveryWindowPolicy policy;

	private final WindowProperties properties;

	private final Map<String, Deque<Long>> errors = new HashMap<>();

	private WindowEngine(WindowProperties properties) {
		this.properties = properties;
		this.policy = new DeliveryWindowPolicy(properties);
	}

	static WindowEngine current() {
		return new WindowEngine(new WindowProperties(Duration.ofMinutes(10), null,
				new WindowProperties.Prediction(5, 50, Duration.ofHours(2)), Duration.ofMinutes(1)));
	}

	String name() {
		return "median shift and 10–90% spread of the last ETA's error (last 50 deliveries)";
	}

	/** What the service keeps when a shipment is delivered: how far the arrival was from the last ETA. */
	void learn(SimulatedDelivery delivery) {
		Deque<Long> recent = this.errors.computeIfAbsent(delivery.carrier(), carrier -> new ArrayDeque<>());
		recent.addFirst(Duration.between(delivery.lastEta().eta(), delivery.deliveredAt()).toSeconds());
		while (recent.size() > this.properties.prediction().sampleSize()) {
			recent.removeLast();
		}
	}

	DeliveryWindow window(String carrier, WindowEvidence evidence, Instant now) {
		Deque<Long> recent = this.errors.getOrDefault(carrier, new ArrayDeque<>());
		return this.policy.current(evidence, ArrivalErrors.of(List.copyOf(recent)), now);
	}
}
