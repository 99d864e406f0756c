package org.leverans.billing.invoicing;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * VAT rates in percent by the customer's country, under {@code leverans.billing.vat}: a standard rate, and the
 * product groups that have another. Rates change by law, so they live in configuration, not in code.
 */
@ConfigurationProperties("leverans.billing.vat")
public record VatProperties(Map<String, CountryRates> countries) {

	public VatProperties {
		countries = (countries != null) ? Map.copyOf(countries) : Map.of();
	}

	/** The rate of a product group in a country; {@code null} group means freight, which takes the standard rate. */
	public BigDecimal rate(String countryCode, String productGroup) {
		CountryRates rates = this.countries.get(countryCode.toUpperCase(Locale.ROOT));
		if (rates == null) {
			throw new IllegalStateException("No VAT rates configured for country " + countryCode
					+ " (leverans.billing.vat.countries." + countryCode + ")");
		}
		return rates.rate(productGroup);
	}

	public boolean knows(String countryCode) {
		return countryCode != null && this.countries.containsKey(countryCode.toUpperCase(Locale.ROOT));
	}

	public record CountryRates(BigDecimal standard, Map<String, BigDecimal> groups) {

		public CountryRates {
			groups = (groups != null) ? Map.copyOf(groups) : Map.of();
		}

		BigDecimal rate(String productGroup) {
			return (productGroup != null) ? this.groups.getOrDefault(productGroup, this.standard) : this.standard;
		}
	}
}
