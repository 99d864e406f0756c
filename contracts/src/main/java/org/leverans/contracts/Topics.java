package org.leverans.contracts;

import java.util.List;

/** The Kafka topics, each written by exactly one service. Keys are order ids unless noted. */
public final class Topics {

	/** Written by order-service; reorder reminders ({@code ReorderDue}) are keyed by the customer id. */
	public static final String ORDER = "leverans.order.v1";

	/** Written by agreement-service. */
	public static final String ORDER_VALIDATION = "leverans.order-validation.v1";

	/** Written by agreement-service; key is the agreement id. */
	public static final String AGREEMENT = "leverans.agreement.v1";

	/** Written by credit-service. */
	public static final String CREDIT = "leverans.credit.v1";

	/** Written by delivery-service. */
	public static final String SHIPMENT = "leverans.shipment.v1";

	/** Written by billing-service; key is the customer id, so one customer's invoices and payments stay in order. */
	public static final String BILLING = "leverans.billing.v1";

	public static final List<String> ALL = List.of(ORDER, ORDER_VALIDATION, AGREEMENT, CREDIT, SHIPMENT, BILLING);

	/** Records that failed their bounded retries land on {@code <topic>.dlt}. */
	public static String deadLetterOf(String topic) {
		return topic + ".dlt";
	}

	private Topics() {
	}
}
