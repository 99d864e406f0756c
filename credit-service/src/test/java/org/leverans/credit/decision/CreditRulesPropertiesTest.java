package org.leverans.credit.decision;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.credit.decision.CreditRules.Consequence;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.support.SpringApplicationJsonEnvironmentPostProcessor;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class CreditRulesPropertiesTest {

	private static final UUID KIVI = UUID.fromString("33333333-3333-3333-3333-333333333333");

	@Test
	void customerOverridesOnlyWhatItNamesAndKeepsTheDefaultsForTheRest() {
		CreditRulesProperties properties = bind(Map.of(
				"leverans.credit.rules.defaults.tolerance-percent", "12.5",
				"leverans.credit.rules.customers[" + KIVI + "].tolerance-percent", "0",
				"leverans.credit.rules.customers[" + KIVI + "].payment-defaults", "REVIEW"));

		CreditRules kivi = properties.forCustomer(KIVI);
		CreditRules anyoneElse = properties.forCustomer(UUID.randomUUID());

		assertThat(kivi.tolerancePercent()).isEqualByComparingTo(BigDecimal.ZERO);
		assertThat(kivi.paymentDefaults()).isEqualTo(Consequence.REVIEW);
		assertThat(kivi.approvedRatings()).containsExactlyInAnyOrder("A", "B");
		assertThat(anyoneElse.tolerancePercent()).isEqualByComparingTo("12.5");
		assertThat(anyoneElse.paymentDefaults()).isEqualTo(Consequence.DECLINE);
	}

	@Test
	void defaultsHoldTenPercentToleranceAndReviewBorderlineRatings() {
		CreditRules rules = bind(Map.of("leverans.credit.rules.defaults.unknown-company", "REVIEW"))
			.forCustomer(KIVI);

		assertThat(rules.tolerancePercent()).isEqualByComparingTo("10");
		assertThat(rules.reviewRatings()).containsExactly("C");
		assertThat(rules.approvedRatings()).containsExactlyInAnyOrder("A", "B");
		assertThat(rules.unknownCompany()).isEqualTo(Consequence.REVIEW);
	}

	/** The forms docs/credit.md gives for {@code ./leverans up}, whose services inherit the caller's environment. */
	@Test
	void environmentVariablesChangeTheDefaultsAndJsonTheCustomerOverrides() {
		StandardEnvironment environment = new StandardEnvironment();
		// in place of the real environment, under the name that gives it the relaxed environment-variable binding
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
					"LEVERANS_CREDIT_RULES_DEFAULTS_TOLERANCEPERCENT", "15",
					"LEVERANS_CREDIT_RULES_DEFAULTS_REVIEWRATINGS", "C,D",
					"SPRING_APPLICATION_JSON", """
							{"leverans":{"credit":{"rules":{"customers":{"%s":{"tolerance-percent":0,"unknown-company":"DECLINE"}}}}}}
							""".formatted(KIVI))));
		new SpringApplicationJsonEnvironmentPostProcessor().postProcessEnvironment(environment,
				new SpringApplication());

		CreditRulesProperties properties = Binder.get(environment)
			.bindOrCreate("leverans.credit.rules", CreditRulesProperties.class);

		assertThat(properties.forCustomer(UUID.randomUUID()).tolerancePercent()).isEqualByComparingTo("15");
		assertThat(properties.forCustomer(UUID.randomUUID()).reviewRatings()).containsExactlyInAnyOrder("C", "D");
		assertThat(properties.forCustomer(KIVI).tolerancePercent()).isEqualByComparingTo("0");
		assertThat(properties.forCustomer(KIVI).unknownCompany()).isEqualTo(Consequence.DECLINE);
		assertThat(properties.forCustomer(KIVI).reviewRatings()).containsExactlyInAnyOrder("C", "D");
	}

	private static CreditRulesProperties bind(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings))
			.bindOrCreate("leverans.credit.rules", CreditRulesProperties.class);
	}
}
