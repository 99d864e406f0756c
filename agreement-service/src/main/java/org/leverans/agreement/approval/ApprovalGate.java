package org.leverans.agreement.approval;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.leverans.agreement.approval.SpendingLimit.Budgeted;
import org.leverans.contracts.Reason;
import org.leverans.contracts.order.OrderPlaced;
import org.leverans.contracts.validation.DeliverySite;
import org.leverans.contracts.validation.OrderApprovalRequired;
import org.leverans.contracts.validation.OrderValidated;

import org.springframework.stereotype.Service;

/**
 * Stands between validation and the rest of the flow: an order that fits the agreement goes on as validated when
 * it is within its orderer's and its sites' spending limits, and waits for an agreement manager otherwise. Runs in
 * the validation's inbox transaction, so the limits' row locks make concurrent orders under one budget count one
 * after the other.
 */
@Service
public class ApprovalGate {

	private final SpendingLimits limits;

	private final Approvals approvals;

	private final Approvers approvers;

	private final ApprovalProperties properties;

	private final Clock clock;

	ApprovalGate(SpendingLimits limits, Approvals approvals, Approvers approvers, ApprovalProperties properties,
			Clock clock) {
		this.limits = limits;
		this.approvals = approvals;
		this.approvers = approvers;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @param orderDate the customer's calendar day the order was placed on; its month is the budget's
	 * @return the event to publish: {@code validated} itself, or the {@link OrderApprovalRequired} it waits under
	 */
	public Object admit(OrderPlaced order, OrderValidated validated, LocalDate orderDate) {
		Instant now = this.clock.instant();
		YearMonth month = YearMonth.from(orderDate);
		UUID agreementId = validated.agreementId();
		List<OrderSpend> spends = OrderSpend.of(order.placedBy(), validated);
		Map<Budgeted, SpendingLimit> limits = this.limits.lock(agreementId,
				spends.stream().map(OrderSpend::who).toList());
		List<Budgeted> budgeted = limits.values().stream().filter(SpendingLimit::hasBudget)
			.map(SpendingLimit::who).toList();
		Map<Budgeted, BigDecimal> spent = budgeted.isEmpty() ? Map.of()
				: this.limits.spent(agreementId, budgeted, month);
		List<Reason> reasons = SpendingCheck.overLimits(spends, limits, spent, month, namesIn(validated));
		if (reasons.isEmpty()) {
			this.limits.record(order.orderId(), agreementId, month, spends, now);
			return validated;
		}
		Instant expiresAt = now.plus(this.properties.expireAfter());
		this.approvals.open(new Approval(order.orderId(), order.orderNumber(), order.customerId(), agreementId,
				order.placedBy(), order.placedAt(), month, validated.totals().total(), validated.totals().currency(),
				reasons, validated, Approval.Status.PENDING, now, expiresAt, null, null, null));
		return new OrderApprovalRequired(order.orderId(), order.orderNumber(), order.customerId(), agreementId,
				order.placedBy(), validated.totals(), reasons, this.approvers.of(agreementId), now, expiresAt);
	}

	private static Function<Budgeted, String> namesIn(OrderValidated validated) {
		return who -> switch (who.scope()) {
			case ORDERER -> who.subject();
			case SITE -> validated.sites()
				.stream()
				.filter(site -> site.siteId().toString().equals(who.subject()))
				.map(DeliverySite::name)
				.findFirst()
				.orElse("site " + who.subject());
		};
	}
}
