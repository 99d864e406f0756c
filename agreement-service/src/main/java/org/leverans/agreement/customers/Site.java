package org.leverans.agreement.customers;

import java.util.UUID;

import org.leverans.contracts.validation.DeliverySite;

/** A delivery site of a customer, and who receives the goods there. */
public record Site(UUID id, UUID customerId, String name, String street, String postalCode, String city,
		String countryCode, String receiverName, String receiverPhone) {

	public DeliverySite toContract() {
		return new DeliverySite(this.id, this.name, this.street, this.postalCode, this.city, this.countryCode,
				this.receiverName, this.receiverPhone);
	}
}
