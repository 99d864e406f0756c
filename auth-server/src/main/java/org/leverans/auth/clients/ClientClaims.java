package org.leverans.auth.clients;

import java.util.List;
import java.util.UUID;

/**
 * What a machine client acts as; its access tokens carry these claims.
 *
 * @param customerId the customer a buyer-side client (a customer's ERP) acts for
 * @param carrier the carrier code of a logistics partner, e.g. {@code nordic-freight}
 */
public record ClientClaims(String clientId, List<String> roles, UUID customerId, String carrier) {

	public ClientClaims {
		roles = List.copyOf(roles);
	}
}
