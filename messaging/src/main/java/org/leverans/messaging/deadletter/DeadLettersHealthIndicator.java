package org.leverans.messaging.deadletter;

import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Shows the dead letters waiting for a decision, by topic. It stays {@code UP}: a record the service cannot apply does
 * not keep it from serving, and an orchestrator must not restart it for one. Alert on
 * {@code leverans_dead_letters_pending} instead.
 */
class DeadLettersHealthIndicator implements HealthIndicator {

	private final DeadLetters deadLetters;

	DeadLettersHealthIndicator(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	@Override
	public Health health() {
		Map<String, Long> pending = this.deadLetters.pendingByTopic();
		long total = pending.values().stream().mapToLong(Long::longValue).sum();
		return Health.up().withDetail("pending", total).withDetail("pendingByTopic", pending).build();
	}
}
