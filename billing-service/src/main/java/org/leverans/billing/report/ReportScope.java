package org.leverans.billing.report;

import java.util.UUID;

import org.leverans.contracts.TokenClaims.Roles;
import org.leverans.web.caller.Caller;
import org.leverans.web.problem.ApiProblem;

/**
 * Whose figures a report sums: an agreement manager's own company, whatever customer they name; customer service
 * and admins the customer they name, or every customer when they name none.
 */
record ReportScope(UUID customerId) {

	static ReportScope of(Caller caller, UUID requestedCustomer) {
		if (caller.isStaff()) {
			return new ReportScope(requestedCustomer);
		}
		if (caller.isBuyer() && caller.has(Roles.AGREEMENT_MANAGER)) {
			return new ReportScope(caller.customerId());
		}
		throw ApiProblem.forbidden("Reports are for the buyer's agreement managers, customer service and admins.");
	}
}
