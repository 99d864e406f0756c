package org.leverans.agreement.approval;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import org.leverans.agreement.agreements.Agreement;
import org.leverans.agreement.agreements.AgreementMember;
import org.leverans.agreement.agreements.AgreementMembers;
import org.leverans.agreement.agreements.Agreements;
import org.leverans.agreement.approval.SpendingLimit.Budgeted;
import org.leverans.agreement.customers.Customer;
import org.leverans.agreement.customers.Customers;
import org.leverans.agreement.customers.Site;
import org.leverans.contracts.Money;
import org.leverans.web.caller.Caller;
import org.leverans.web.problem.ApiProblem;
import org.leverans.web.problem.FieldProblem;

import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agreement manager's spending limits under the company's agreement in force: per orderer of the agreement
 * and per delivery site, each with what it has spent this month.
 */
@RestController
@RequestMapping("/api/approval-limits")
class SpendingLimitController {

	private final SpendingLimits limits;

	private final Agreements agreements;

	private final AgreementMembers members;

	private final Customers customers;

	private final Clock clock;

	SpendingLimitController(SpendingLimits limits, Agreements agreements, AgreementMembers members,
			Customers customers, Clock clock) {
		this.limits = limits;
		this.agreements = agreements;
		this.members = members;
		this.customers = customers;
		this.clock = clock;
	}

	@GetMapping
	LimitsView limits(Caller caller) {
		InForce inForce = inForce(caller);
		Agreement agreement = inForce.agreement();
		Map<Budgeted, SpendingLimit> set = new LinkedHashMap<>();
		this.limits.of(agreement.id()).forEach(limit -> set.put(limit.who(), limit));
		Map<Budgeted, String> names = new LinkedHashMap<>();
		for (AgreementMember member : this.members.of(agreement.id())) {
			if (member.role() == AgreementMember.Role.ORDERER) {
				names.put(Budgeted.orderer(member.username()), member.name());
			}
		}
		for (Site site : agreement.terms().sites()) {
			names.put(Budgeted.site(site.id()), site.name());
		}
		// A limit for someone no longer an orderer (or a site no longer in the agreement) still shows, to be removed.
		set.keySet().forEach(who -> names.putIfAbsent(who, who.subject()));
		Map<Budgeted, BigDecimal> spent = this.limits.spent(agreement.id(), names.keySet(), inForce.month());
		List<Limited> orderers = new ArrayList<>();
		List<Limited> sites = new ArrayList<>();
		names.forEach((who, name) -> {
			Limited limited = new Limited(who.subject(), name, LimitView.of(set.get(who)), Money.text(spent.get(who)));
			(who.scope() == SpendingLimit.Scope.ORDERER ? orderers : sites).add(limited);
		});
		return new LimitsView(agreement.id(), agreement.number(), agreement.currency(), inForce.month().toString(),
				orderers, sites);
	}

	@PutMapping("/orderers/{username}")
	@Transactional
	LimitView putOrderer(@PathVariable String username, @Valid @RequestBody LimitRequest request, Caller caller) {
		Agreement agreement = inForce(caller).agreement();
		boolean orderer = this.members.of(agreement.id())
			.stream()
			.anyMatch(member -> member.role() == AgreementMember.Role.ORDERER && member.username().equals(username));
		if (!orderer) {
			throw ApiProblem.notFound(username + " is not an orderer under agreement " + agreement.number());
		}
		return put(agreement, Budgeted.orderer(username), request, caller);
	}

	@PutMapping("/sites/{siteId}")
	@Transactional
	LimitView putSite(@PathVariable UUID siteId, @Valid @RequestBody LimitRequest request, Caller caller) {
		Agreement agreement = inForce(caller).agreement();
		if (agreement.terms().site(siteId).isEmpty()) {
			throw ApiProblem.notFound("Site " + siteId + " is not in agreement " + agreement.number());
		}
		return put(agreement, Budgeted.site(siteId), request, caller);
	}

	@DeleteMapping("/orderers/{username}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeOrderer(@PathVariable String username, Caller caller) {
		remove(inForce(caller).agreement(), Budgeted.orderer(username));
	}

	@DeleteMapping("/sites/{siteId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeSite(@PathVariable UUID siteId, Caller caller) {
		remove(inForce(caller).agreement(), Budgeted.site(siteId));
	}

	private LimitView put(Agreement agreement, Budgeted who, LimitRequest request, Caller caller) {
		if (request.monthlyBudget() != null && request.monthlyBudget().compareTo(request.orderLimit()) < 0) {
			throw ApiProblem.invalid("monthlyBudget", FieldProblem.TOO_SMALL,
					"must be at least the order limit " + Money.text(request.orderLimit()));
		}
		SpendingLimit limit = new SpendingLimit(who, Money.cents(request.orderLimit()),
				(request.monthlyBudget() != null) ? Money.cents(request.monthlyBudget()) : null,
				agreement.currency(), caller.subject(), this.clock.instant());
		this.limits.put(agreement.id(), limit);
		return LimitView.of(limit);
	}

	private void remove(Agreement agreement, Budgeted who) {
		if (!this.limits.remove(agreement.id(), who)) {
			throw ApiProblem.notFound("There is no limit for " + who.subject());
		}
	}

	private InForce inForce(Caller caller) {
		UUID customerId = caller.requireCustomer();
		LocalDate today = this.customers.byId(customerId)
			.map(Customer::timeZone)
			.map(zone -> LocalDate.now(this.clock.withZone(zone)))
			.orElseThrow(() -> ApiProblem.notFound("No agreement is in force for your company today"));
		Agreement agreement = this.agreements.inForce(customerId, today)
			.orElseThrow(() -> ApiProblem.notFound("No agreement is in force for your company today"));
		return new InForce(agreement, YearMonth.from(today));
	}

	private record InForce(Agreement agreement, YearMonth month) {
	}

	/** Amounts in the agreement's currency, as strings with two decimals; {@code monthlyBudget} may be left out. */
	record LimitRequest(@NotNull @DecimalMin("0.01") @Digits(integer = 15, fraction = 2) BigDecimal orderLimit,
			@DecimalMin("0.01") @Digits(integer = 15, fraction = 2) BigDecimal monthlyBudget) {
	}

	record LimitsView(UUID agreementId, String agreementNumber, String currency, String month,
			List<Limited> orderers, List<Limited> sites) {
	}

	/**
	 * An orderer ({@code id} = user name) or site ({@code id} = site id), its limit if one is set, and what it has
	 * spent this month.
	 */
	record Limited(String id, String name, LimitView limit, String spentThisMonth) {
	}

	record LimitView(String orderLimit, String monthlyBudget, String currency, String updatedBy, Instant updatedAt) {

		static LimitView of(SpendingLimit limit) {
			return (limit != null) ? new LimitView(Money.text(limit.orderLimit()), Money.text(limit.monthlyBudget()),
					limit.currency(), limit.updatedBy(), limit.updatedAt()) : null;
		}
	}
}
