package org.leverans.agreement.agreements;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.leverans.agreement.customers.Customer;
import org.leverans.agreement.customers.Customers;
import org.leverans.contracts.TokenClaims.Roles;
import org.leverans.web.caller.Caller;
import org.leverans.web.problem.ApiProblem;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The buyer's own agreement. A buyer never sees another customer's agreement: it does not exist for them. */
@RestController
@RequestMapping("/api/agreements")
class AgreementController {

	private final Agreements agreements;

	private final AgreementMembers members;

	private final Customers customers;

	private final Clock clock;

	AgreementController(Agreements agreements, AgreementMembers members, Customers customers, Clock clock) {
		this.agreements = agreements;
		this.members = members;
		this.customers = customers;
		this.clock = clock;
	}

	@GetMapping("/current")
	AgreementView current(Caller caller) {
		UUID customerId = caller.requireCustomer();
		LocalDate today = today(customerId);
		return this.agreements.inForce(customerId, today)
			.map(agreement -> view(agreement, caller))
			.orElseThrow(() -> ApiProblem.notFound("No agreement is in force for your company today"));
	}

	@GetMapping("/{id}")
	AgreementView byId(@PathVariable UUID id, Caller caller) {
		UUID customerId = caller.requireCustomer();
		return this.agreements.byId(id, today(customerId))
			.filter(agreement -> agreement.customerId().equals(customerId))
			.map(agreement -> view(agreement, caller))
			.orElseThrow(() -> ApiProblem.notFound("No agreement " + id));
	}

	private LocalDate today(UUID customerId) {
		return this.customers.byId(customerId)
			.map(Customer::timeZone)
			.map(zone -> LocalDate.now(this.clock.withZone(zone)))
			.orElseThrow(() -> ApiProblem.notFound("No agreement is in force for your company today"));
	}

	/** Prices and colleagues are for the agreement manager, who negotiates the agreement. */
	private AgreementView view(Agreement agreement, Caller caller) {
		boolean manager = caller.has(Roles.AGREEMENT_MANAGER);
		return AgreementView.of(agreement, manager, manager ? this.members.of(agreement.id()) : null);
	}
}
