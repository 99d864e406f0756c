package org.leverans.order.quote;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.order.DeliveryMode;

/** The body of agreement-service's {@code POST /api/catalog/quote}: an order not yet placed. */
public record QuoteRequest(DeliveryMode deliveryMode, Slot requestedDelivery, List<Line> lines) {

	public record Slot(LocalDate date, LocalTime from, LocalTime to) {
	}

	/** {@code lineNo} is echoed in the answer, so problems map back to the caller's own line numbers. */
	public record Line(int lineNo, String sku, int quantity, String packageSize, UUID siteId) {
	}
}
