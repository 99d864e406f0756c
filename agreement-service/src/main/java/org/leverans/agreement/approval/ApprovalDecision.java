package org.leverans.agreement.approval;

/** What an agreement manager decides about an order above a limit. */
public enum ApprovalDecision {

	/** Let the order on to credit and delivery, at the prices it was placed at. */
	APPROVE,

	/** Stop the order, with the manager's reason, which the orderer sees. */
	REJECT
}
