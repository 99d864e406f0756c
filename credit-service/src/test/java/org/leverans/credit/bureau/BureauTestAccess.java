package org.leverans.credit.bureau;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/** Lets tests start every case with a closed circuit and an empty cache. */
public final class BureauTestAccess {

	private BureauTestAccess() {
	}

	public static void reset(CreditBureau bureau) {
		bureau.circuitBreaker().reset();
		bureau.forgetAnswers();
	}

	public static CircuitBreaker.State circuitState(CreditBureau bureau) {
		return bureau.circuitBreaker().getState();
	}
}
