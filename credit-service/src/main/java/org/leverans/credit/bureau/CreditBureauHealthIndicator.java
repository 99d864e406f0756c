package org.leverans.credit.bureau;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Shows the bureau's circuit in the health details. Always UP: without the bureau, orders go to review, so the
 * service is still doing its job and must not be taken out of rotation.
 */
@Component
class CreditBureauHealthIndicator implements HealthIndicator {

	private final CreditBureau bureau;

	CreditBureauHealthIndicator(CreditBureau bureau) {
		this.bureau = bureau;
	}

	@Override
	public Health health() {
		CircuitBreaker breaker = this.bureau.circuitBreaker();
		CircuitBreaker.Metrics metrics = breaker.getMetrics();
		return Health.up()
			.withDetail("circuit", breaker.getState().name())
			.withDetail("failureRate", metrics.getFailureRate())
			.withDetail("bufferedCalls", metrics.getNumberOfBufferedCalls())
			.withDetail("decisionsWhileOpen", "held for review (BUREAU_UNAVAILABLE)")
			.build();
	}
}
