package org.leverans.contracts;

/** Claim names in the access tokens the auth-server issues and every service reads. */
public final class TokenClaims {

	/** List of role names, see {@link Roles}. */
	public static final String ROLES = "roles";

	/** Buyer roles: the customer id the caller acts for. */
	public static final String CUSTOMER_ID = "customer_id";

	/** Receivers: the delivery site ids they receive at. */
	public static final String SITE_IDS = "site_ids";

	/** Carriers: the carrier code, e.g. {@code nordic-freight}. */
	public static final String CARRIER = "carrier";

	public static final String NAME = "name";

	public static final String EMAIL = "email";

	public static final String LOCALE = "locale";

	private TokenClaims() {
	}

	/** The roles a caller may hold. */
	public static final class Roles {

		public static final String ORDERER = "ORDERER";

		public static final String AGREEMENT_MANAGER = "AGREEMENT_MANAGER";

		public static final String RECEIVER = "RECEIVER";

		public static final String CUSTOMER_SERVICE = "CUSTOMER_SERVICE";

		public static final String ADMIN = "ADMIN";

		public static final String CARRIER = "CARRIER";

		private Roles() {
		}
	}
}
