package org.leverans.credit.decision;

import java.math.BigDecimal;
import java.time.Period;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.leverans.credit.decision.CreditRules.Consequence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Credit rules under {@code leverans.credit.rules}: defaults for every customer, and per customer id any of them
 * overridden.
 */
@ConfigurationProperties("leverans.credit.rules")
public record CreditRulesProperties(@DefaultValue Settings defaults, Map<UUID, Overrides> customers) {

	public CreditRulesProperties {
		customers = (customers != null) ? Map.copyOf(customers) : Map.of();
	}

	public CreditRules forCustomer(UUID customerId) {
		Overrides overrides = this.customers.get(customerId);
		CreditRules base = this.defaults.rules();
		if (overrides == null) {
			return base;
		}
		return new CreditRules(
				(overrides.tolerancePercent() != null) ? overrides.tolerancePercent() : base.tolerancePercent(),
				(overrides.approvedRatings() != null) ? overrides.approvedRatings() : base.approvedRatings(),
				(overrides.reviewRatings() != null) ? overrides.reviewRatings() : base.reviewRatings(),
				(overrides.paymentDefaults() != null) ? overrides.paymentDefaults() : base.paymentDefaults(),
				(overrides.paymentDefaultLookback() != null) ? overrides.paymentDefaultLookback()
						: base.paymentDefaultLookback(),
				(overrides.unknownCompany() != null) ? overrides.unknownCompany() : base.unknownCompany());
	}

	public record Settings(@DefaultValue("10") BigDecimal tolerancePercent,
			@DefaultValue({ "A", "B" }) Set<String> approvedRatings, @DefaultValue("C") Set<String> reviewRatings,
			@DefaultValue("DECLINE") Consequence paymentDefaults, @DefaultValue("12m") Period paymentDefaultLookback,
			@DefaultValue("REVIEW") Consequence unknownCompany) {

		CreditRules rules() {
			return new CreditRules(this.tolerancePercent, this.approvedRatings, this.reviewRatings,
					this.paymentDefaults, this.paymentDefaultLookback, this.unknownCompany);
		}
	}

	/** Any setting left out falls back to the default. */
	public record Overrides(BigDecimal tolerancePercent, Set<String> approvedRatings, Set<String> reviewRatings,
			Consequence paymentDefaults, Period paymentDefaultLookback, Consequence unknownCompany) {
	}
}
