package org.leverans.contracts.validation;

import java.util.UUID;

/** A delivery site as the agreement names it, with where it is and who receives there. */
public record DeliverySite(UUID siteId, String name, String street, String postalCode, String city,
		String countryCode, String receiverName, String receiverPhone) {
}
