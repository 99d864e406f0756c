package org.leverans.delivery.planning;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How shipments are planned, under {@code leverans.delivery.planning}.
 *
 * @param carrierRules which carrier serves a site, by country and package size; the first matching rule wins
 * @param carriers the carriers and their tracking number prefixes, by carrier code
 * @param timeZones the time zone of delivery sites by country code, in which requested slots are meant
 * @param defaultTimeZone for sites in a country not listed
 */
@ConfigurationProperties("leverans.delivery.planning")
public record PlanningProperties(List<CarrierRule> carrierRules, Map<String, Carrier> carriers,
		Map<String, String> timeZones, @DefaultValue("Europe/Helsinki") String defaultTimeZone) {

	public PlanningProperties {
		carrierRules = (carrierRules != null) ? List.copyOf(carrierRules) : List.of();
		carriers = (carriers != null) ? Map.copyOf(carriers) : Map.of();
		timeZones = (timeZones != null) ? Map.copyOf(timeZones) : Map.of();
	}

	public ZoneId zoneOf(String countryCode) {
		return ZoneId.of(this.timeZones.getOrDefault(countryCode, this.defaultTimeZone));
	}

	/**
	 * @param country ISO country code of the delivery site
	 * @param packageSizes if not empty, the rule applies only when every line of the shipment has one of these sizes
	 * @param carrier the carrier code
	 */
	public record CarrierRule(String country, Set<String> packageSizes, String carrier) {

		public CarrierRule {
			packageSizes = (packageSizes != null) ? Set.copyOf(packageSizes) : Set.of();
		}

		boolean matches(String siteCountry, Set<String> shipmentPackageSizes) {
			return this.country.equalsIgnoreCase(siteCountry)
					&& (this.packageSizes.isEmpty() || this.packageSizes.containsAll(shipmentPackageSizes));
		}
	}

	/** @param trackingPrefix the letters every tracking number of this carrier starts with */
	public record Carrier(String trackingPrefix) {
	}
}
