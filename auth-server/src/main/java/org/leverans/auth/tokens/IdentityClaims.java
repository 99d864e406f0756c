package org.leverans.auth.tokens;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.leverans.auth.clients.ClientClaimsRepository;
import org.leverans.auth.users.UserAccounts;
import org.leverans.contracts.TokenClaims;

import org.springframework.stereotype.Component;

/**
 * The Leverans claims (see {@link TokenClaims}) for a signed-in person or a machine client. Empty claims are left
 * out rather than sent as null, so a resource server can tell "not a receiver" from "receiver of no site".
 * <p>
 * Lists are plain {@link ArrayList}s: the claims are stored with the authorization and read back through Spring
 * Security's allow-listing JSON mapper, which refuses the JDK's immutable list classes.
 */
@Component
public class IdentityClaims {

	private final UserAccounts users;

	private final ClientClaimsRepository clients;

	public IdentityClaims(UserAccounts users, ClientClaimsRepository clients) {
		this.users = users;
		this.clients = clients;
	}

	/** Claims of the user with this username; empty if there is no such user. */
	public Map<String, Object> forUser(String username) {
		Map<String, Object> claims = new LinkedHashMap<>();
		this.users.findByUsername(username).ifPresent(user -> {
			claims.put(TokenClaims.ROLES, new ArrayList<>(user.roles()));
			putIfPresent(claims, TokenClaims.CUSTOMER_ID, user.customerId());
			if (!user.siteIds().isEmpty()) {
				claims.put(TokenClaims.SITE_IDS, strings(user.siteIds()));
			}
			claims.put(TokenClaims.NAME, user.displayName());
			putIfPresent(claims, TokenClaims.EMAIL, user.email());
			claims.put(TokenClaims.LOCALE, user.locale());
		});
		return claims;
	}

	/** Claims of the machine client with this client id; empty if it carries none. */
	public Map<String, Object> forClient(String clientId) {
		Map<String, Object> claims = new LinkedHashMap<>();
		this.clients.findByClientId(clientId).ifPresent(client -> {
			claims.put(TokenClaims.ROLES, new ArrayList<>(client.roles()));
			putIfPresent(claims, TokenClaims.CUSTOMER_ID, client.customerId());
			putIfPresent(claims, TokenClaims.CARRIER, client.carrier());
		});
		return claims;
	}

	private static void putIfPresent(Map<String, Object> claims, String name, Object value) {
		if (value != null) {
			claims.put(name, value instanceof UUID id ? id.toString() : value);
		}
	}

	private static List<String> strings(List<UUID> ids) {
		return ids.stream().map(UUID::toString).collect(Collectors.toCollection(ArrayList::new));
	}
}
