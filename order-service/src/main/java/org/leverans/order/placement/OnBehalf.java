package org.leverans.order.placement;

import java.util.UUID;

/**
 * Customer service placing an order for a customer: under that customer's agreement and prices, recorded in the
 * order's timeline and in the audit log as placed by the agent for the customer.
 *
 * @param customerName the customer's name as the orders know it, or null for a customer with no validated order yet
 */
public record OnBehalf(UUID customerId, String customerName) {

	String customerInWords() {
		return (this.customerName != null) ? this.customerName : "customer " + this.customerId;
	}
}
