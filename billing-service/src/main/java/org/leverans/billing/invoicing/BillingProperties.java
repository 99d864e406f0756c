package org.leverans.billing.invoicing;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rest of billing-service's settings, under {@code leverans.billing}.
 *
 * @param languages the language of a customer's documents by its country ({@code fi}, {@code sv}); others get
 * {@code en}
 * @param overdue when an unpaid invoice is reported overdue
 */
@ConfigurationProperties("leverans.billing")
public record BillingProperties(Map<String, String> languages, @DefaultValue Overdue overdue) {

	public BillingProperties {
		languages = (languages != null) ? Map.copyOf(languages) : Map.of();
	}

	public String languageOf(String countryCode) {
		return (countryCode != null) ? this.languages.getOrDefault(countryCode.toUpperCase(Locale.ROOT), "en") : "en";
	}

	/**
	 * @param after how long after its due date an unpaid invoice is reported overdue (once)
	 * @param checkInterval how often unpaid invoices are looked at
	 */
	public record Overdue(@DefaultValue("7d") Duration after, @DefaultValue("1h") Duration checkInterval) {
	}
}
