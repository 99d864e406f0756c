package org.leverans.delivery.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.leverans.contracts.order.DeliveryMode;
import org.leverans.contracts.order.OrderAccepted;
import org.leverans.contracts.order.RequestedDelivery;
import org.leverans.contracts.shipment.ShipmentLine;
import org.leverans.contracts.validation.DeliverySite;
import org.leverans.contracts.validation.PricedLine;

/**
 * Turns an accepted order into shipments: one per delivery site and date, all in the requested slot. A split order
 * sends what is available on the requested date first and each later-available group on its own date; a complete
 * order waits until its last line is available. No state, no I/O: the rules are all here.
 */
public class ShipmentPlanner {

	private final PlanningProperties properties;

	public ShipmentPlanner(PlanningProperties properties) {
		this.properties = properties;
	}

	public List<PlannedShipment> plan(OrderAccepted order) {
		RequestedDelivery requested = order.requestedDelivery();
		Map<UUID, DeliverySite> sites = new LinkedHashMap<>();
		if (order.sites() != null) {
			order.sites().forEach(site -> sites.put(site.siteId(), site));
		}
		LocalDate completeDate = order.lines()
			.stream()
			.map(line -> availableDate(line, requested.date()))
			.max(Comparator.naturalOrder())
			.orElse(requested.date());

		// Site order follows the order lines, dates ascend within a site, so the plan reads like the order.
		Map<UUID, TreeMap<LocalDate, List<PricedLine>>> groups = new LinkedHashMap<>();
		for (PricedLine line : order.lines()) {
			LocalDate date = (order.deliveryMode() == DeliveryMode.SPLIT_ALLOWED)
					? availableDate(line, requested.date()) : completeDate;
			groups.computeIfAbsent(line.siteId(), id -> new TreeMap<>())
				.computeIfAbsent(date, d -> new ArrayList<>())
				.add(line);
		}

		List<PlannedShipment> plan = new ArrayList<>();
		groups.forEach((siteId, byDate) -> {
			DeliverySite site = sites.get(siteId);
			if (site == null || site.countryCode() == null) {
				throw new IllegalArgumentException(
						"Order " + order.orderId() + " has lines for site " + siteId + " that is not among its sites");
			}
			byDate.forEach((date, lines) -> {
				List<ShipmentLine> shipmentLines = lines.stream()
					.sorted(Comparator.comparingInt(PricedLine::lineNo))
					.map(line -> new ShipmentLine(line.lineNo(), line.sku(), line.quantity(), line.packageSize()))
					.toList();
				plan.add(new PlannedShipment(siteId, site.name(), site.countryCode(),
						this.properties.zoneOf(site.countryCode()), date, requested.from(), requested.to(),
						carrierFor(site.countryCode(), shipmentLines), shipmentLines));
			});
		});
		return plan;
	}

	String carrierFor(String countryCode, List<ShipmentLine> lines) {
		Set<String> packageSizes = lines.stream()
			.map(ShipmentLine::packageSize)
			.filter(size -> size != null)
			.collect(Collectors.toSet());
		return this.properties.carrierRules()
			.stream()
			.filter(rule -> rule.matches(countryCode, packageSizes))
			.map(PlanningProperties.CarrierRule::carrier)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"No carrier rule serves country " + countryCode + " with package sizes " + packageSizes));
	}

	private static LocalDate availableDate(PricedLine line, LocalDate requested) {
		LocalDate available = line.availableFrom();
		return (available != null && available.isAfter(requested)) ? available : requested;
	}
}
