package org.leverans.agreement.agreements;

import java.util.List;
import java.util.UUID;

/**
 * A person acting under an agreement. The roles are those of the tokens auth-server issues; {@code siteIds} are the
 * delivery sites a receiver takes deliveries at (empty for the other roles).
 */
public record AgreementMember(String username, String name, Role role, List<UUID> siteIds) {

	public enum Role {
		AGREEMENT_MANAGER, ORDERER, RECEIVER
	}

	public AgreementMember {
		siteIds = List.copyOf(siteIds);
	}
}
