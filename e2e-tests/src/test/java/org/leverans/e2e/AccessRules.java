package org.leverans.e2e;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may call what, written down once from docs/api.md's table, independent of how the services enforce it: the
 * access matrix checks each operation the services' OpenAPI documents list against these rules. The first rule that
 * matches an operation decides; an operation that no rule matches fails the matrix, so a new endpoint cannot go
 * unchecked, and a new endpoint under a prefix a rule already covers is checked without anyone touching this class.
 */
final class AccessRules {

	static final String ORDERER = "ORDERER";

	static final String AGREEMENT_MANAGER = "AGREEMENT_MANAGER";

	static final String RECEIVER = "RECEIVER";

	static final String CUSTOMER_SERVICE = "CUSTOMER_SERVICE";

	static final String ADMIN = "ADMIN";

	static final String CARRIER = "CARRIER";

	static final Set<String> ROLES = Set.of(ORDERER, AGREEMENT_MANAGER, RECEIVER, CUSTOMER_SERVICE, ADMIN, CARRIER);

	private static final String ANY = "*";

	/**
	 * Approvals answer an order only while it waits for one, and limits name an orderer by user name: kinds of thing
	 * the matrix's fixtures do not make yet. agreement-service's ApprovalIntegrationTest covers them: another
	 * company's order, orderer or site is 404, an orderer (wrong role) 403.
	 */
	private static final String APPROVALS_COVERED = "agreement-service ApprovalIntegrationTest: another company's "
			+ "order, orderer or site 404, the wrong role 403; the matrix has no fixture for a waiting approval or a "
			+ "user name yet";

	/**
	 * Every service's dead letters (messaging): for admins only, and no customer's, site's or carrier's things, so
	 * there is no other party's id to try; the matrix still calls their lists with every role.
	 */
	private static final String DEAD_LETTERS_COVERED = "notification-service DeadLetterApiIntegrationTest: other roles "
			+ "403, no token 401, an unknown dead letter 404; the matrix has no fixture for a dead letter";

	/**
	 * A photo is the body of its upload: the matrix's probe is a JSON body, which the upload refuses as the wrong media
	 * type (415) rather than as a bad field.
	 */
	private static final String PHOTOS_COVERED = "order-service ClaimIntegrationTest: another company's claim 404 "
			+ "whatever the body, staff 403, what is not the JPEG or PNG it says it is 415, too large 413";

	private static final List<Rule> RULES = List.of(
			rule("GET", "/api/orders/**", ORDERER, AGREEMENT_MANAGER, RECEIVER, CUSTOMER_SERVICE, ADMIN),
			rule("POST", "/api/orders/preview", ORDERER, AGREEMENT_MANAGER),
			rule("POST", "/api/orders/*/claims", ORDERER, AGREEMENT_MANAGER, RECEIVER),
			rule("POST", "/api/orders/**", ORDERER),
			rule("GET", "/api/catalog/**", ORDERER, AGREEMENT_MANAGER),
			rule(ANY, "/api/reorder-suggestions/**", ORDERER, AGREEMENT_MANAGER),
			rule("POST", "/api/catalog/codes", ORDERER, AGREEMENT_MANAGER, CUSTOMER_SERVICE, ADMIN),
			rule("POST", "/api/catalog/**", ORDERER, AGREEMENT_MANAGER),
			rule("GET", "/api/agreements/**", ORDERER, AGREEMENT_MANAGER, RECEIVER),
			rule("GET", "/api/claims/**", ORDERER, AGREEMENT_MANAGER, RECEIVER, CUSTOMER_SERVICE, ADMIN),
			rule("PUT", "/api/shipments/*/feedback", RECEIVER),
			rule("GET", "/api/shipments/**", ORDERER, AGREEMENT_MANAGER, RECEIVER, CARRIER, CUSTOMER_SERVICE, ADMIN),
			rule("GET", "/api/receiver/**", RECEIVER),
			rule(ANY, "/api/partner/**", CARRIER),
			rule("GET", "/api/invoices/**", ORDERER, AGREEMENT_MANAGER, CUSTOMER_SERVICE, ADMIN),
			rule("GET", "/api/reports/**", AGREEMENT_MANAGER, CUSTOMER_SERVICE, ADMIN),
			rule(ANY, "/api/webhooks/**", AGREEMENT_MANAGER, ADMIN),
			rule(ANY, "/api/approvals/**", AGREEMENT_MANAGER),
			rule(ANY, "/api/approval-limits/**", AGREEMENT_MANAGER),
			rule(ANY, "/api/subscriptions/me", ROLES.toArray(String[]::new)),
			rule(ANY, "/api/subscriptions/sites/**", AGREEMENT_MANAGER, RECEIVER, ADMIN),
			rule(ANY, "/api/subscriptions/follows/**", CUSTOMER_SERVICE, ADMIN),
			rule("GET", "/api/stream", ROLES.toArray(String[]::new)),
			rule("GET", "/api/admin/delivery-accuracy/**", ADMIN, CUSTOMER_SERVICE),
			rule("GET", "/api/admin/carrier-scorecard/**", ADMIN, CUSTOMER_SERVICE),
			rule(ANY, "/api/admin/**", ADMIN),
			rule(ANY, "/api/support/**", CUSTOMER_SERVICE, ADMIN));

	/**
	 * Operations taking an id that the matrix leaves alone, each with why. An entry here must say what covers the
	 * operation instead.
	 */
	static final Map<String, String> EXEMPT = Map.of(
			"GET /api/approvals/{orderId}", APPROVALS_COVERED,
			"POST /api/approvals/{orderId}/decision", APPROVALS_COVERED,
			"PUT /api/approval-limits/orderers/{username}", APPROVALS_COVERED,
			"DELETE /api/approval-limits/orderers/{username}", APPROVALS_COVERED,
			"PUT /api/approval-limits/sites/{siteId}", APPROVALS_COVERED,
			"DELETE /api/approval-limits/sites/{siteId}", APPROVALS_COVERED,
			"POST /api/claims/{claimId}/photos", PHOTOS_COVERED);

	private AccessRules() {
	}

	/** The roles that may call the operation, or empty when no rule says. */
	static Optional<Set<String>> allowed(ApiOperations.Operation operation) {
		return RULES.stream().filter(rule -> rule.matches(operation)).findFirst().map(Rule::roles);
	}

	static Optional<String> exemption(ApiOperations.Operation operation) {
		if (operation.template().startsWith("/api/admin/dead-letters/")
				&& operation.template().contains("{deadLetterId}")) {
			return Optional.of(DEAD_LETTERS_COVERED);
		}
		return Optional.ofNullable(EXEMPT.get(operation.method() + " " + operation.template()));
	}

	private static Rule rule(String method, String pattern, String... roles) {
		String regex = Pattern.quote(pattern.replace("/**", "~~"))
			.replace("*", "\\E[^/]+\\Q")
			.replace("~~", "\\E(/.*)?\\Q");
		return new Rule(method, Pattern.compile(regex), Set.of(roles));
	}

	private record Rule(String method, Pattern path, Set<String> roles) {

		boolean matches(ApiOperations.Operation operation) {
			return (this.method.equals(ANY) || this.method.equals(operation.method()))
					&& this.path.matcher(operation.template()).matches();
		}
	}
}
