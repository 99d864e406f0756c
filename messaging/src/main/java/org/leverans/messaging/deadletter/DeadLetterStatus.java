package org.leverans.messaging.deadletter;

/** A dead letter waits for a person, who replays it (after fixing the cause) or discards it. */
public enum DeadLetterStatus {

	PENDING, REPLAYED, DISCARDED

}
