package org.leverans.auth.users;

import java.util.List;
import java.util.UUID;

/**
 * A person who signs in through the browser, and what their tokens say about them.
 *
 * @param username lower-case sign-in name, also the token subject
 * @param passwordHash encoded with the delegating password encoder, e.g. {@code {bcrypt}$2a$...}
 * @param customerId the customer a buyer acts for; {@code null} for supplier staff
 * @param siteIds the delivery sites a receiver receives at
 */
public record UserAccount(String username, String passwordHash, String displayName, String email, String locale,
		List<String> roles, UUID customerId, List<UUID> siteIds, boolean enabled) {

	public UserAccount {
		username = username.toLowerCase(java.util.Locale.ROOT);
		roles = List.copyOf(roles);
		siteIds = siteIds == null ? List.of() : List.copyOf(siteIds);
	}
}
