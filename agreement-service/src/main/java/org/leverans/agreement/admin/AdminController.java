package org.leverans.agreement.admin;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import org.leverans.agreement.agreements.AgreementMember;
import org.leverans.agreement.agreements.AgreementMembers;
import org.leverans.agreement.agreements.AgreementView;
import org.leverans.agreement.agreements.Agreements;
import org.leverans.agreement.customers.Customer;
import org.leverans.agreement.customers.Customers;
import org.leverans.web.problem.ApiProblem;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The supplier admin's customers and agreements (role ADMIN, see the security configuration). */
@RestController
@RequestMapping("/api/admin")
class AdminController {

	private final Customers customers;

	private final Agreements agreements;

	private final AgreementMembers members;

	private final AgreementAdministration administration;

	private final Clock clock;

	AdminController(Customers customers, Agreements agreements, AgreementMembers members,
			AgreementAdministration administration, Clock clock) {
		this.customers = customers;
		this.agreements = agreements;
		this.members = members;
		this.administration = administration;
		this.clock = clock;
	}

	@PostMapping("/customers")
	ResponseEntity<CustomerDetails> createCustomer(@Valid @RequestBody AdminRequests.NewCustomer request) {
		UUID id = this.administration.createCustomer(request);
		return ResponseEntity.created(URI.create("/api/admin/customers/" + id)).body(customer(id));
	}

	@PostMapping("/agreements")
	ResponseEntity<AdminAgreementView> createAgreement(@Valid @RequestBody AdminRequests.NewAgreement request) {
		UUID id = this.administration.create(request);
		return ResponseEntity.created(URI.create("/api/admin/agreements/" + id)).body(agreement(id));
	}

	/** A change of terms from a date: a new version, the earlier ones stay as they were. */
	@PostMapping("/agreements/{id}/versions")
	ResponseEntity<AdminAgreementView> changeAgreement(@PathVariable UUID id,
			@Valid @RequestBody AdminRequests.AgreementChange request) {
		int version = this.administration.change(id, request);
		return ResponseEntity.created(URI.create("/api/admin/agreements/" + id + "/versions/" + version))
			.body(agreement(id));
	}

	@PostMapping("/agreements/{id}/end")
	AdminAgreementView endAgreement(@PathVariable UUID id, @Valid @RequestBody AdminRequests.AgreementEnd request) {
		this.administration.end(id, request);
		return agreement(id);
	}

	@GetMapping("/agreements/{id}/members")
	List<AgreementView.MemberView> members(@PathVariable UUID id) {
		requireAgreement(id);
		return this.members.of(id).stream().map(AgreementView.MemberView::of).toList();
	}

	@PostMapping("/agreements/{id}/members")
	ResponseEntity<AgreementView.MemberView> addMember(@PathVariable UUID id,
			@Valid @RequestBody AdminRequests.NewMember request) {
		AgreementMember member = this.administration.addMember(id, request);
		return ResponseEntity.created(URI.create("/api/admin/agreements/" + id + "/members/" + member.username()))
			.body(AgreementView.MemberView.of(member));
	}

	@DeleteMapping("/agreements/{id}/members/{username}")
	ResponseEntity<Void> removeMember(@PathVariable UUID id, @PathVariable String username) {
		requireAgreement(id);
		this.administration.removeMember(id, username);
		return ResponseEntity.noContent().build();
	}

	private void requireAgreement(UUID id) {
		if (this.agreements.byIdToday(id, this.clock).isEmpty()) {
			throw ApiProblem.notFound("No agreement " + id);
		}
	}

	@GetMapping("/customers")
	List<CustomerSummary> customers() {
		return this.customers.all()
			.stream()
			.map(c -> new CustomerSummary(c.id(), c.name(), c.businessId(), c.countryCode(), c.timeZone().getId()))
			.toList();
	}

	@GetMapping("/customers/{id}")
	CustomerDetails customer(@PathVariable UUID id) {
		Customer customer = this.customers.byId(id).orElseThrow(() -> ApiProblem.notFound("No customer " + id));
		List<AgreementSummary> agreements = this.agreements.ofCustomer(id)
			.stream()
			.map(a -> new AgreementSummary(a.id(), a.number(), a.currency(), a.validFrom(), a.validTo()))
			.toList();
		return new CustomerDetails(customer.id(), customer.name(), customer.businessId(), customer.countryCode(),
				customer.timeZone().getId(),
				this.customers.sitesOf(id).stream().map(AgreementView.SiteView::of).toList(), agreements);
	}

	@GetMapping("/agreements/{id}")
	AdminAgreementView agreement(@PathVariable UUID id) {
		return this.agreements.byIdToday(id, this.clock)
			.map(agreement -> new AdminAgreementView(AgreementView.of(agreement, true, this.members.of(id)),
					this.agreements.versions(id)
						.stream()
						.map(v -> new VersionSummary(v.version(), v.effectiveFrom()))
						.toList()))
			.orElseThrow(() -> ApiProblem.notFound("No agreement " + id));
	}

	record CustomerSummary(UUID id, String name, String businessId, String countryCode, String timeZone) {
	}

	record CustomerDetails(UUID id, String name, String businessId, String countryCode, String timeZone,
			List<AgreementView.SiteView> sites, List<AgreementSummary> agreements) {
	}

	record AgreementSummary(UUID id, String number, String currency, LocalDate validFrom, LocalDate validTo) {
	}

	/** The terms in force today, and the history of versions. */
	record AdminAgreementView(@JsonUnwrapped AgreementView current,
			List<VersionSummary> versions) {
	}

	record VersionSummary(int version, LocalDate effectiveFrom) {
	}
}
