package org.leverans.e2e;

import java.math.BigDecimal;
import java.math.RoundingMode;

import tools.jackson.databind.JsonNode;

/**
 * What a page says about how sure a delivery window is, worked out here from the API's {@code window.confidence}, so
 * a spec checks the page against the window the service drew rather than against the page's own code.
 */
final class WindowWords {

	private WindowWords() {
	}

	/** @param carrier the carrier as people call it, e.g. "Nordic Freight" */
	static String of(JsonNode window, String carrier) {
		JsonNode confidence = window.get("confidence");
		String kind = confidence.get("kind").asString();
		return switch (kind) {
			case "CALIBRATED" -> ("%s of %s’s deliveries arrive inside a window like this (from %d deliveries on "
					+ "record).").formatted(percent(confidence), carrier, confidence.get("samples").asInt());
			case "POOLED" -> ("%s has few deliveries on record yet; %s of all carriers’ deliveries arrive inside a "
					+ "window like this.").formatted(carrier, percent(confidence));
			case "DEFAULT_MARGINS" -> "PLANNED".equals(window.get("basis").asString())
					? "The requested slot. Too few deliveries on record to say how often %s keeps it."
						.formatted(carrier)
					: ("%s’s own estimate with a fixed margin. Too few deliveries on record to say how often it "
							+ "holds.").formatted(carrier);
			default -> throw new IllegalArgumentException("No words for a window that is " + kind);
		};
	}

	private static String percent(JsonNode confidence) {
		return BigDecimal.valueOf(confidence.get("coverage").asDouble() * 100)
			.setScale(1, RoundingMode.HALF_EVEN)
			.stripTrailingZeros()
			.toPlainString() + "%";
	}
}
