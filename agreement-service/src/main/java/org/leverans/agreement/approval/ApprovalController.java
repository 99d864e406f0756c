package org.leverans.agreement.approval;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.leverans.contracts.Money;
import org.leverans.contracts.Reason;
import org.leverans.contracts.validation.DeliverySite;
import org.leverans.contracts.validation.PricedLine;
import org.leverans.web.caller.Caller;
import org.leverans.web.input.MultilineText;
import org.leverans.web.problem.ApiProblem;
import org.leverans.web.problem.FieldProblem;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The company's orders above a spending limit, for its agreement managers to approve or reject. */
@RestController
@RequestMapping("/api/approvals")
class ApprovalController {

	private final Approvals approvals;

	private final ApprovalDecisions decisions;

	ApprovalController(Approvals approvals, ApprovalDecisions decisions) {
		this.approvals = approvals;
		this.decisions = decisions;
	}

	/** {@code status}: a comma-separated list of statuses, or ALL; the oldest request first. */
	@GetMapping
	ApprovalQueue queue(@RequestParam(defaultValue = "PENDING") String status, Caller caller) {
		List<ApprovalView> items = this.approvals.ofCustomer(caller.requireCustomer(), statuses(status), 200)
			.stream()
			.map(ApprovalView::of)
			.toList();
		return new ApprovalQueue(items, items.size());
	}

	@GetMapping("/{orderId}")
	ApprovalView approval(@PathVariable UUID orderId, Caller caller) {
		UUID customerId = caller.requireCustomer();
		return this.approvals.find(orderId)
			.filter(approval -> approval.customerId().equals(customerId))
			.map(ApprovalView::of)
			.orElseThrow(() -> ApiProblem.notFound("No approval for order " + orderId));
	}

	@PostMapping("/{orderId}/decision")
	ApprovalView decide(@PathVariable UUID orderId, @Valid @RequestBody DecisionRequest request, Caller caller) {
		caller.requireCustomer();
		return ApprovalView.of(this.decisions.decide(orderId, caller, request.decision(), request.reason()));
	}

	private static List<Approval.Status> statuses(String value) {
		if ("ALL".equalsIgnoreCase(value.strip())) {
			return List.of(Approval.Status.values());
		}
		Set<Approval.Status> statuses = new LinkedHashSet<>();
		for (String name : value.split(",")) {
			try {
				statuses.add(Approval.Status.valueOf(name.strip().toUpperCase()));
			}
			catch (IllegalArgumentException ex) {
				throw ApiProblem.invalid("Unknown approval status '" + name.strip()
						+ "'; use PENDING, APPROVED, REJECTED, EXPIRED, WITHDRAWN or ALL",
						List.of(FieldProblem.field("status", FieldProblem.INVALID_VALUE, "is not an approval status")));
			}
		}
		return List.copyOf(statuses);
	}

	/** {@code reason} is what the manager writes down; the orderer reads it when the order is rejected. */
	record DecisionRequest(@NotNull ApprovalDecision decision, @MultilineText @Size(max = 500) String reason) {

		@AssertTrue(message = "is required when rejecting")
		boolean isReason() {
			return this.decision != ApprovalDecision.REJECT || (this.reason != null && !this.reason.isBlank());
		}
	}

	record ApprovalQueue(List<ApprovalView> items, int total) {
	}

	/** An order above a limit, as its agreement manager decides on it: what, for whom, how much and why. */
	record ApprovalView(UUID orderId, String orderNumber, String placedBy, Instant placedAt, String total,
			String currency, List<Reason> reasons, List<LineView> lines, String status, Instant requestedAt,
			Instant expiresAt, String decidedBy, Instant decidedAt, String note) {

		static ApprovalView of(Approval approval) {
			List<DeliverySite> sites = approval.validated().sites();
			List<LineView> lines = approval.validated()
				.lines()
				.stream()
				.map(line -> LineView.of(line, sites))
				.toList();
			return new ApprovalView(approval.orderId(), approval.orderNumber(), approval.placedBy(),
					approval.placedAt(), Money.text(approval.total()), approval.currency(), approval.reasons(), lines,
					approval.status().name(), approval.requestedAt(), approval.expiresAt(), approval.decidedBy(),
					approval.decidedAt(), approval.note());
		}
	}

	record LineView(int lineNo, String sku, String name, int quantity, String unit, String unitPrice,
			String lineTotal, UUID siteId, String siteName) {

		static LineView of(PricedLine line, List<DeliverySite> sites) {
			String site = (sites != null) ? sites.stream()
				.filter(s -> s.siteId().equals(line.siteId()))
				.map(DeliverySite::name)
				.findFirst()
				.orElse(null) : null;
			return new LineView(line.lineNo(), line.sku(), line.name(), line.quantity(), line.unit(),
					Money.text(line.unitPrice()), Money.text(line.lineTotal()), line.siteId(), site);
		}
	}
}
