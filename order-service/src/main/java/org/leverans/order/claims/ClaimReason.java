package org.leverans.order.claims;

/** What is wrong with a delivery, and who a claim of that kind counts against in the reports. */
public enum ClaimReason {

	DAMAGED(Against.CARRIER), SHORT(Against.SUPPLIER), WRONG_ITEM(Against.SUPPLIER), LATE(Against.CARRIER),
	OTHER(Against.SUPPLIER);

	private final Against against;

	ClaimReason(Against against) {
		this.against = against;
	}

	/** Goods broken on the way or a late truck are the carrier's doing; short or wrong goods left the warehouse so. */
	public Against against() {
		return this.against;
	}

	public enum Against {

		CARRIER, SUPPLIER

	}
}
