package org.leverans.delivery.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.contracts.order.OrderAccepted;
import org.leverans.contracts.order.RequestedDelivery;
import org.leverans.contracts.shipment.ShipmentLine;
import org.leverans.contracts.validation.DeliverySite;
import org.leverans.contracts.validation.PricedLine;
import org.leverans.contracts.validation.Totals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShipmentPlannerTest {

	static final LocalDate REQUESTED = LocalDate.of(2026, 12, 3);

	static final UUID JATKASAARI = UUID.fromString("11111111-0000-0000-0000-000000000001");

	static final UUID PASILA = UUID.fromString("11111111-0000-0000-0000-000000000002");

	static final UUID HAMMARBY = UUID.fromString("22222222-0000-0000-0000-000000000001");

	final ShipmentPlanner planner = new ShipmentPlanner(new PlanningProperties(
			List.of(new PlanningProperties.CarrierRule("FI", Set.of("PARCEL"), "parcel-express"),
					new PlanningProperties.CarrierRule("FI", null, "nordic-freight"),
					new PlanningProperties.CarrierRule("SE", null, "baltic-haulage")),
			Map.of(), Map.of("FI", "Europe/Helsinki", "SE", "Europe/Stockholm"), "Europe/Helsinki"));

	@Test
	void splitOrderSendsAvailableLinesFirstAndEachLateGroupOnItsAvailableDate() {
		OrderAccepted order = order(DeliveryMode.SPLIT_ALLOWED, line(1, JATKASAARI, null),
				line(2, JATKASAARI, REQUESTED.minusDays(5)), line(3, JATKASAARI, REQUESTED.plusDays(4)),
				line(4, JATKASAARI, REQUESTED.plusDays(4)), line(5, JATKASAARI, REQUESTED.plusDays(7)));

		List<PlannedShipment> plan = this.planner.plan(order);

		assertThat(plan).extracting(PlannedShipment::date)
			.containsExactly(REQUESTED, REQUESTED.plusDays(4), REQUESTED.plusDays(7));
		assertThat(plan).extracting(shipment -> lineNos(shipment.lines()))
			.containsExactly(List.of(1, 2), List.of(3, 4), List.of(5));
		assertThat(plan).allSatisfy(shipment -> {
			assertThat(shipment.slotFrom()).isEqualTo(LocalTime.of(7, 0));
			assertThat(shipment.slotTo()).isEqualTo(LocalTime.of(9, 0));
			assertThat(shipment.carrier()).isEqualTo("nordic-freight");
		});
	}

	@Test
	void completeOrderWaitsForItsLastLineInOneShipmentPerSite() {
		OrderAccepted order = order(DeliveryMode.COMPLETE, line(1, JATKASAARI, null),
				line(2, JATKASAARI, REQUESTED.plusDays(2)), line(3, PASILA, REQUESTED.plusDays(6)));

		List<PlannedShipment> plan = this.planner.plan(order);

		assertThat(plan).extracting(PlannedShipment::siteId).containsExactly(JATKASAARI, PASILA);
		assertThat(plan).extracting(PlannedShipment::date).containsOnly(REQUESTED.plusDays(6));
		assertThat(plan.get(0).lines()).extracting(ShipmentLine::lineNo).containsExactly(1, 2);
	}

	@Test
	void completeOrderWithEverythingAvailableShipsOnTheRequestedDate() {
		OrderAccepted order = order(DeliveryMode.COMPLETE, line(1, JATKASAARI, REQUESTED.minusDays(1)),
				line(2, JATKASAARI, REQUESTED));

		assertThat(this.planner.plan(order)).singleElement()
			.satisfies(shipment -> assertThat(shipment.date()).isEqualTo(REQUESTED));
	}

	@Test
	void plansOneShipmentPerSiteWithTheCarrierAndTimeZoneOfItsCountry() {
		OrderAccepted order = order(DeliveryMode.SPLIT_ALLOWED, line(1, JATKASAARI, null), line(2, HAMMARBY, null),
				line(3, PASILA, null), line(4, JATKASAARI, null));

		List<PlannedShipment> plan = this.planner.plan(order);

		assertThat(plan).extracting(PlannedShipment::siteId).containsExactly(JATKASAARI, HAMMARBY, PASILA);
		assertThat(plan).extracting(PlannedShipment::carrier)
			.containsExactly("nordic-freight", "baltic-haulage", "nordic-freight");
		assertThat(plan).extracting(PlannedShipment::zone)
			.containsExactly(ZoneId.of("Europe/Helsinki"), ZoneId.of("Europe/Stockholm"), ZoneId.of("Europe/Helsinki"));
		assertThat(lineNos(plan.get(0).lines())).containsExactly(1, 4);
	}

	@Test
	void choosesTheCarrierWhoseRuleCoversEveryPackageSizeOfTheShipment() {
		assertThat(this.planner.carrierFor("FI", List.of(new ShipmentLine(1, "SCREW", 1, "PARCEL"))))
			.isEqualTo("parcel-express");
		assertThat(this.planner.carrierFor("FI", List.of(new ShipmentLine(1, "SCREW", 1, "PARCEL"),
				new ShipmentLine(2, "CEM-25KG", 40, "PALLET"))))
			.isEqualTo("nordic-freight");
	}

	@Test
	void refusesToPlanForACountryNoCarrierServes() {
		OrderAccepted order = new OrderAccepted(UUID.randomUUID(), "LV-1", UUID.randomUUID(), "PO",
				DeliveryMode.SPLIT_ALLOWED, new RequestedDelivery(REQUESTED, LocalTime.of(7, 0), LocalTime.of(9, 0)),
				List.of(line(1, JATKASAARI, null)),
				List.of(new DeliverySite(JATKASAARI, "Oslo", "", "", "Oslo", "NO", "", "")), null, Instant.now(), null,
				null);

		assertThatThrownBy(() -> this.planner.plan(order)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("NO");
	}

	static OrderAccepted order(DeliveryMode mode, PricedLine... lines) {
		return new OrderAccepted(UUID.randomUUID(), "LV-000123", UUID.fromString("11111111-1111-1111-1111-111111111111"),
				"PO-4711", mode, new RequestedDelivery(REQUESTED, LocalTime.of(7, 0), LocalTime.of(9, 0)),
				List.of(lines), List.of(site(JATKASAARI, "FI"), site(PASILA, "FI"), site(HAMMARBY, "SE")),
				new Totals(BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.TEN, "EUR"), Instant.now(), null, null);
	}

	static DeliverySite site(UUID id, String country) {
		return new DeliverySite(id, "Site " + id.toString().substring(35), "Street 1", "00100", "City", country,
				"Mikko", "+358");
	}

	static PricedLine line(int lineNo, UUID site, LocalDate availableFrom) {
		return new PricedLine(lineNo, "SKU-" + lineNo, "Product " + lineNo, "CEMENT", "BAG", 10, "PALLET", site,
				new BigDecimal("9.90"), new BigDecimal("8.40"), new BigDecimal("84.00"), availableFrom);
	}

	private static List<Integer> lineNos(List<ShipmentLine> lines) {
		return lines.stream().map(ShipmentLine::lineNo).toList();
	}
}
