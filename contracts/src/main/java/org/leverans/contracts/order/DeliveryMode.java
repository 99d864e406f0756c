package org.leverans.contracts.order;

/** Whether an order may arrive in several shipments (split delivery) or must arrive complete. */
public enum DeliveryMode {
	COMPLETE, SPLIT_ALLOWED
}
