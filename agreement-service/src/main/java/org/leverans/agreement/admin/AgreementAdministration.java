package org.leverans.agreement.admin;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.leverans.agreement.agreements.Agreement;
import org.leverans.agreement.agreements.AgreementMember;
import org.leverans.agreement.agreements.AgreementMembers;
import org.leverans.agreement.agreements.Agreements;
import org.leverans.agreement.agreements.FreightTerms;
import org.leverans.agreement.agreements.InvoicingRule;
import org.leverans.agreement.catalog.Catalogue;
import org.leverans.agreement.customers.Customer;
import org.leverans.agreement.customers.Customers;
import org.leverans.agreement.customers.Site;
import org.leverans.contracts.agreement.AgreementActivated;
import org.leverans.contracts.agreement.AgreementChanged;
import org.leverans.contracts.agreement.AgreementEnded;
import org.leverans.contracts.validation.DeliverySite;
import org.leverans.messaging.Outbox;
import org.leverans.web.problem.ApiProblem;
import org.leverans.web.problem.FieldProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes and ends agreements. A change never rewrites terms: it adds a version in force from a date, so
 * an order is always priced by the terms in force on the day it was placed. Each step is announced on
 * {@code leverans.agreement.v1} in the same transaction.
 */
@Service
class AgreementAdministration {

	private final JdbcClient jdbc;

	private final Customers customers;

	private final Agreements agreements;

	private final AgreementMembers members;

	private final Outbox outbox;

	private final Clock clock;

	AgreementAdministration(JdbcClient jdbc, Customers customers, Agreements agreements, AgreementMembers members,
			Outbox outbox, Clock clock) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.agreements = agreements;
		this.members = members;
		this.outbox = outbox;
		this.clock = clock;
	}

	@Transactional
	UUID createCustomer(AdminRequests.NewCustomer request) {
		List<FieldProblem> errors = new ArrayList<>();
		if (!ZoneId.getAvailableZoneIds().contains(request.timeZone())) {
			errors.add(FieldProblem.field("timeZone", "UNKNOWN", "Not a time zone: " + request.timeZone()));
		}
		if (this.jdbc.sql("SELECT count(*) FROM customer WHERE business_id = ?")
			.param(request.businessId())
			.query(Integer.class)
			.single() > 0) {
			errors.add(FieldProblem.field("businessId", "DUPLICATE", "A customer with this business id exists"));
		}
		rejectIfAny(errors);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("INSERT INTO customer (id, name, business_id, country_code, time_zone) VALUES (?, ?, ?, ?, ?)")
			.params(id, request.name(), request.businessId(), request.countryCode(), request.timeZone())
			.update();
		for (AdminRequests.NewSite site : request.sites()) {
			this.jdbc.sql("""
					INSERT INTO delivery_site (id, customer_id, name, street, postal_code, city, country_code,
					    receiver_name, receiver_phone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(UUID.randomUUID(), id, site.name(), site.street(), site.postalCode(), site.city(),
						site.countryCode(), site.receiverName(), site.receiverPhone())
				.update();
		}
		return id;
	}

	@Transactional
	UUID create(AdminRequests.NewAgreement request) {
		Customer customer = this.customers.byId(request.customerId()).orElse(null);
		List<FieldProblem> errors = new ArrayList<>();
		if (customer == null) {
			errors.add(FieldProblem.field("customerId", "UNKNOWN", "No customer " + request.customerId()));
		}
		if (request.validTo() != null && request.validTo().isBefore(request.validFrom())) {
			errors.add(FieldProblem.field("validTo", "BEFORE_VALID_FROM", "validTo is before validFrom"));
		}
		if (customer != null) {
			checkTerms(request.terms(), customer.id(), request.currency(), errors);
		}
		rejectIfAny(errors);
		// One agreement per customer at a time: otherwise "the agreement in force" would be ambiguous.
		this.jdbc.sql("SELECT id FROM customer WHERE id = ? FOR UPDATE").param(customer.id()).query(UUID.class).single();
		boolean overlaps = this.jdbc.sql("""
				SELECT count(*) FROM agreement WHERE customer_id = ?
				  AND (CAST(? AS DATE) IS NULL OR valid_from <= ?) AND (valid_to IS NULL OR valid_to >= ?)""")
			.params(customer.id(), request.validTo(), request.validTo(), request.validFrom())
			.query(Integer.class)
			.single() > 0;
		if (overlaps) {
			throw ApiProblem.conflict("The customer already has an agreement in that period",
					List.of(FieldProblem.field("validFrom", "OVERLAPS", "Overlaps an existing agreement")));
		}
		String number = (request.number() != null) ? request.number() : nextNumber(request.validFrom());
		if (this.jdbc.sql("SELECT count(*) FROM agreement WHERE number = ?").param(number).query(Integer.class).single() > 0) {
			throw ApiProblem.conflict("Agreement number " + number + " is taken",
					List.of(FieldProblem.field("number", "DUPLICATE", "Agreement number is taken")));
		}
		UUID id = UUID.randomUUID();
		// Announced with its sites right here, so AgreementBackfill leaves it alone.
		this.jdbc.sql("""
				INSERT INTO agreement (id, number, customer_id, currency, valid_from, valid_to, sites_announced_at)
				VALUES (?, ?, ?, ?, ?, ?, now())""")
			.params(id, number, customer.id(), request.currency(), request.validFrom(), request.validTo())
			.update();
		insertVersion(id, 1, request.validFrom(), request.terms());
		this.outbox.publish(id, id, new AgreementActivated(id, number, customer.id(), 1, request.validFrom(),
				request.validTo(), request.validFrom(), sitesOn(id, request.validFrom())));
		return id;
	}

	@Transactional
	int change(UUID agreementId, AdminRequests.AgreementChange request) {
		Agreement agreement = lock(agreementId);
		List<FieldProblem> errors = new ArrayList<>();
		LocalDate today = LocalDate.now(this.clock.withZone(agreement.customerTimeZone()));
		LocalDate effectiveFrom = request.effectiveFrom();
		if (effectiveFrom.isBefore(today)) {
			errors.add(FieldProblem.field("effectiveFrom", "IN_THE_PAST",
					"A change cannot take effect before today (" + today + ")"));
		}
		if (effectiveFrom.isBefore(agreement.validFrom())
				|| (agreement.validTo() != null && effectiveFrom.isAfter(agreement.validTo()))) {
			errors.add(FieldProblem.field("effectiveFrom", "OUTSIDE_VALIDITY",
					"The agreement is valid from " + agreement.validFrom()
							+ ((agreement.validTo() != null) ? " to " + agreement.validTo() : "")));
		}
		checkTerms(request.terms(), agreement.customerId(), agreement.currency(), errors);
		rejectIfAny(errors);
		LocalDate latest = this.jdbc.sql("SELECT max(effective_from) FROM agreement_version WHERE agreement_id = ?")
			.param(agreementId)
			.query(LocalDate.class)
			.single();
		if (!effectiveFrom.isAfter(latest)) {
			throw ApiProblem.conflict("A version already takes effect on or after " + latest,
					List.of(FieldProblem.field("effectiveFrom", "NOT_AFTER_LATEST_VERSION",
							"Must be after " + latest)));
		}
		int version = this.jdbc.sql("SELECT max(version) + 1 FROM agreement_version WHERE agreement_id = ?")
			.param(agreementId)
			.query(Integer.class)
			.single();
		insertVersion(agreementId, version, effectiveFrom, request.terms());
		this.outbox.publish(agreementId, agreementId, new AgreementChanged(agreementId, agreement.number(),
				agreement.customerId(), version, agreement.validFrom(), agreement.validTo(), effectiveFrom,
				sitesOn(agreementId, effectiveFrom)));
		return version;
	}

	@Transactional
	void end(UUID agreementId, AdminRequests.AgreementEnd request) {
		Agreement agreement = lock(agreementId);
		LocalDate today = LocalDate.now(this.clock.withZone(agreement.customerTimeZone()));
		if (agreement.validTo() != null && agreement.validTo().isBefore(today)) {
			throw ApiProblem.conflict("The agreement ended on " + agreement.validTo(), List.of());
		}
		List<FieldProblem> errors = new ArrayList<>();
		if (request.validTo().isBefore(today)) {
			errors.add(FieldProblem.field("validTo", "IN_THE_PAST",
					"An agreement cannot end before today (" + today + "); orders placed under it stand"));
		}
		if (request.validTo().isBefore(agreement.validFrom())) {
			errors.add(FieldProblem.field("validTo", "BEFORE_VALID_FROM",
					"The agreement starts on " + agreement.validFrom()));
		}
		rejectIfAny(errors);
		this.jdbc.sql("UPDATE agreement SET valid_to = ? WHERE id = ?").params(request.validTo(), agreementId).update();
		Agreement ended = this.agreements.byId(agreementId, request.validTo()).orElseThrow();
		this.outbox.publish(agreementId, agreementId, new AgreementEnded(agreementId, agreement.number(),
				agreement.customerId(), ended.terms().version(), agreement.validFrom(), request.validTo(),
				ended.terms().effectiveFrom(), AgreementBackfill.sites(ended.terms())));
	}

	/**
	 * Adds a member. A receiver takes deliveries at one or more of the customer's sites; the other roles act for
	 * the whole agreement, so they have none.
	 */
	@Transactional
	AgreementMember addMember(UUID agreementId, AdminRequests.NewMember request) {
		Agreement agreement = this.agreements.byIdToday(agreementId, this.clock)
			.orElseThrow(() -> ApiProblem.notFound("No agreement " + agreementId));
		List<UUID> siteIds = nullToEmpty(request.siteIds()).stream().distinct().toList();
		List<FieldProblem> errors = new ArrayList<>();
		if (request.role() == AgreementMember.Role.RECEIVER && siteIds.isEmpty()) {
			errors.add(FieldProblem.field("siteIds", "REQUIRED", "A receiver needs the sites they receive at"));
		}
		if (request.role() != AgreementMember.Role.RECEIVER && !siteIds.isEmpty()) {
			errors.add(FieldProblem.field("siteIds", "NOT_ALLOWED", "Only a receiver has sites"));
		}
		Set<UUID> ownSites = new HashSet<>(
				this.customers.sitesOf(agreement.customerId()).stream().map(Site::id).toList());
		for (int i = 0; i < siteIds.size(); i++) {
			if (!ownSites.contains(siteIds.get(i))) {
				errors.add(FieldProblem.field("siteIds[" + i + "]", "UNKNOWN", "Not a delivery site of this customer"));
			}
		}
		rejectIfAny(errors);
		AgreementMember member = new AgreementMember(request.username().strip(), request.name().strip(),
				request.role(), siteIds);
		if (!this.members.add(agreementId, member)) {
			throw ApiProblem.conflict(member.username() + " is a member already",
					List.of(FieldProblem.field("username", "DUPLICATE", "Already a member of this agreement")));
		}
		return member;
	}

	@Transactional
	void removeMember(UUID agreementId, String username) {
		if (!this.members.remove(agreementId, username)) {
			throw ApiProblem.notFound("No member " + username + " in agreement " + agreementId);
		}
	}

	/** The sites of the version in force on {@code date}, as agreement events name them. */
	private List<DeliverySite> sitesOn(UUID agreementId, LocalDate date) {
		return AgreementBackfill.sites(this.agreements.byId(agreementId, date).orElseThrow().terms());
	}

	private Agreement lock(UUID agreementId) {
		// Serialises changes to one agreement, so two admins cannot both add "the next" version.
		this.jdbc.sql("SELECT id FROM agreement WHERE id = ? FOR UPDATE")
			.param(agreementId)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> ApiProblem.notFound("No agreement " + agreementId));
		return this.agreements.byIdToday(agreementId, this.clock).orElseThrow();
	}

	private void checkTerms(AgreementTermsRequest terms, UUID customerId, String currency,
			List<FieldProblem> errors) {
		checkFreight(terms.freightTerms(), errors);
		if (terms.listPriceRate() == null && !"EUR".equals(currency)) {
			errors.add(FieldProblem.field("terms.listPriceRate", "REQUIRED",
					"A " + currency + " agreement needs the rate that converts EUR list prices"));
		}
		Set<UUID> ownSites = new HashSet<>(this.customers.sitesOf(customerId).stream().map(Site::id).toList());
		for (int i = 0; i < terms.siteIds().size(); i++) {
			if (!ownSites.contains(terms.siteIds().get(i))) {
				errors.add(FieldProblem.field("terms.siteIds[" + i + "]", "UNKNOWN",
						"Not a delivery site of this customer"));
			}
		}
		Set<String> groups = new HashSet<>(
				this.jdbc.sql("SELECT code FROM product_group").query(String.class).list());
		List<String> assortment = (terms.assortmentGroups() != null) ? terms.assortmentGroups() : List.of();
		for (int i = 0; i < assortment.size(); i++) {
			if (!groups.contains(assortment.get(i))) {
				errors.add(FieldProblem.field("terms.assortmentGroups[" + i + "]", "UNKNOWN", "No product group "
						+ assortment.get(i)));
			}
		}
		List<AgreementTermsRequest.GroupDiscountRequest> discounts = nullToEmpty(terms.groupDiscounts());
		for (int i = 0; i < discounts.size(); i++) {
			if (!groups.contains(discounts.get(i).group())) {
				errors.add(FieldProblem.field("terms.groupDiscounts[" + i + "].group", "UNKNOWN", "No product group "
						+ discounts.get(i).group()));
			}
		}
		List<AgreementTermsRequest.ContractPriceRequest> prices = nullToEmpty(terms.contractPrices());
		Set<String> known = this.jdbc.sql("SELECT upper(sku) FROM product WHERE upper(sku) = ANY(?)")
			.param(prices.stream().map(p -> Catalogue.key(p.sku())).toArray(String[]::new))
			.query(String.class)
			.set();
		for (int i = 0; i < prices.size(); i++) {
			if (!known.contains(Catalogue.key(prices.get(i).sku()))) {
				errors.add(FieldProblem.field("terms.contractPrices[" + i + "].sku", "UNKNOWN", "No product "
						+ prices.get(i).sku()));
			}
		}
		List<AgreementTermsRequest.SlotRequest> slots = nullToEmpty(terms.deliveryOptions().slots());
		for (int i = 0; i < slots.size(); i++) {
			if (!slots.get(i).from().isBefore(slots.get(i).to())) {
				errors.add(FieldProblem.field("terms.deliveryOptions.slots[" + i + "]", "EMPTY_SLOT",
						"A slot must end after it starts"));
			}
		}
	}

	/** The field-by-field form of {@link FreightTerms}'s rules, so a 400 names what is missing or too much. */
	private static void checkFreight(AgreementTermsRequest.FreightTermsRequest freight,
			List<FieldProblem> errors) {
		FreightTerms.Code code = freight.code();
		String field = "terms.freightTerms.";
		if (code == FreightTerms.Code.FREE_OVER && freight.threshold() == null) {
			errors.add(FieldProblem.field(field + "threshold", "REQUIRED", "FREE_OVER needs a threshold"));
		}
		if (code != FreightTerms.Code.FREE_OVER && freight.threshold() != null) {
			errors.add(FieldProblem.field(field + "threshold", "NOT_ALLOWED", code + " has no threshold"));
		}
		switch (code) {
			case FLAT -> {
				if (freight.fee() == null) {
					errors.add(FieldProblem.field(field + "fee", "REQUIRED", "FLAT needs a fee"));
				}
			}
			case WEIGHT -> {
				if (freight.ratePerKg() == null) {
					errors.add(FieldProblem.field(field + "ratePerKg", "REQUIRED", "WEIGHT needs a rate per kg"));
				}
			}
			case FREE_OVER -> {
				if (freight.fee() == null && freight.ratePerKg() == null) {
					errors.add(FieldProblem.field(field + "fee", "REQUIRED",
							"FREE_OVER needs a fee or a ratePerKg below the threshold"));
				}
			}
			case COLLECT -> {
			}
		}
		if (freight.fee() != null && (code == FreightTerms.Code.COLLECT || code == FreightTerms.Code.WEIGHT
				|| freight.ratePerKg() != null)) {
			errors.add(FieldProblem.field(field + "fee", "NOT_ALLOWED",
					"A fee goes with FLAT or FREE_OVER, and never with a ratePerKg"));
		}
		if (freight.ratePerKg() != null && (code == FreightTerms.Code.COLLECT || code == FreightTerms.Code.FLAT)) {
			errors.add(FieldProblem.field(field + "ratePerKg", "NOT_ALLOWED", code + " has no rate per kg"));
		}
		if (freight.minimumFee() != null && freight.ratePerKg() == null) {
			errors.add(FieldProblem.field(field + "minimumFee", "NOT_ALLOWED",
					"A minimum fee applies only to a rate per kg"));
		}
	}

	private void insertVersion(UUID agreementId, int version, LocalDate effectiveFrom, AgreementTermsRequest terms) {
		BigDecimal rate = (terms.listPriceRate() != null) ? terms.listPriceRate() : BigDecimal.ONE;
		this.jdbc.sql("""
				INSERT INTO agreement_version (agreement_id, version, effective_from, payment_terms_code, payment_days,
				    freight_terms_code, freight_threshold, freight_fee, freight_rate_per_kg, freight_minimum_fee,
				    split_delivery_allowed, multiple_sites_allowed, package_sizes, min_lead_time_days, delivery_slots,
				    list_price_rate, assortment_groups, invoicing_rule)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(agreementId, version, effectiveFrom, terms.paymentTerms().code(), terms.paymentTerms().days(),
					terms.freightTerms().code().name(), terms.freightTerms().threshold(), terms.freightTerms().fee(),
					terms.freightTerms().ratePerKg(), terms.freightTerms().minimumFee(),
					terms.deliveryOptions().splitDeliveryAllowed(), terms.deliveryOptions().multipleSitesAllowed(),
					terms.deliveryOptions().packageSizes().stream().distinct().toArray(String[]::new),
					terms.deliveryOptions().minLeadTimeDays(),
					nullToEmpty(terms.deliveryOptions().slots()).stream()
						.map(slot -> slot.from() + "-" + slot.to())
						.toArray(String[]::new),
					rate,
					(terms.assortmentGroups() != null) ? terms.assortmentGroups().stream().distinct().toArray(String[]::new)
							: null,
					((terms.invoicingRule() != null) ? terms.invoicingRule() : InvoicingRule.PER_SHIPMENT).name())
			.update();
		for (UUID siteId : terms.siteIds().stream().distinct().toList()) {
			this.jdbc.sql("INSERT INTO agreement_site (agreement_id, version, site_id) VALUES (?, ?, ?)")
				.params(agreementId, version, siteId)
				.update();
		}
		for (AgreementTermsRequest.ContractPriceRequest price : nullToEmpty(terms.contractPrices())) {
			this.jdbc.sql("""
					INSERT INTO agreement_price (agreement_id, version, sku, price)
					SELECT ?, ?, sku, ? FROM product WHERE upper(sku) = ?
					ON CONFLICT (agreement_id, version, sku) DO UPDATE SET price = EXCLUDED.price""")
				.params(agreementId, version, price.price(), Catalogue.key(price.sku()))
				.update();
		}
		for (AgreementTermsRequest.GroupDiscountRequest discount : nullToEmpty(terms.groupDiscounts())) {
			this.jdbc.sql("""
					INSERT INTO agreement_group_discount (agreement_id, version, product_group, discount_percent)
					VALUES (?, ?, ?, ?)
					ON CONFLICT (agreement_id, version, product_group)
					DO UPDATE SET discount_percent = EXCLUDED.discount_percent""")
				.params(agreementId, version, discount.group(), discount.percent())
				.update();
		}
	}

	private String nextNumber(LocalDate validFrom) {
		String prefix = "AG-" + validFrom.getYear() + "-";
		int next = this.jdbc.sql("SELECT count(*) FROM agreement WHERE number LIKE ?")
			.param(prefix + "%")
			.query(Integer.class)
			.single() + 1;
		String number;
		do {
			number = prefix + String.format("%04d", next++);
		}
		while (this.jdbc.sql("SELECT count(*) FROM agreement WHERE number = ?")
			.param(number)
			.query(Integer.class)
			.single() > 0);
		return number;
	}

	private static void rejectIfAny(List<FieldProblem> errors) {
		if (!errors.isEmpty()) {
			throw ApiProblem.invalid("The request has invalid fields", errors);
		}
	}

	private static <T> List<T> nullToEmpty(List<T> list) {
		return (list != null) ? list : List.of();
	}
}
