package org.leverans.messaging.deadletter;

/** A replay or discard of a dead letter that is unknown, or was decided already. */
public class DeadLetterDecisionRefused extends RuntimeException {

	private final DeadLetterStatus current;

	DeadLetterDecisionRefused(String message, DeadLetterStatus current) {
		super(message);
		this.current = current;
	}

	/** What the dead letter is now; {@code null} when there is no such dead letter. */
	public DeadLetterStatus current() {
		return this.current;
	}
}
