package org.leverans.contracts;

/**
 * A stable reason code with a human message, used wherever something is refused or held:
 * validation failures, credit decisions, shipment exceptions. {@code lineNo} is set when the
 * reason concerns one order line.
 */
public record Reason(String code, String message, Integer lineNo) {

	public static Reason of(String code, String message) {
		return new Reason(code, message, null);
	}

	public static Reason ofLine(int lineNo, String code, String message) {
		return new Reason(code, message, lineNo);
	}
}
