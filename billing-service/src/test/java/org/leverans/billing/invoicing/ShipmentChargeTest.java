package org.leverans.billing.invoicing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.contracts.order.OrderAccepted;
import org.leverans.contracts.shipment.ShipmentLine;
import org.leverans.contracts.validation.PaymentTerms;
import org.leverans.contracts.validation.PricedLine;
import org.leverans.contracts.validation.Totals;

import static org.assertj.core.api.Assertions.assertThat;

class ShipmentChargeTest {

	private static final UUID SITE = UUID.randomUUID();

	private final ShipmentCharge.VatRateLookup finnishRates = group -> "FOOD".equals(group) ? new BigDecimal("14")
			: new BigDecimal("25.5");

	@Test
	void chargesAWholeOrderInOneShipmentAtItsAgreedPricesWithAllItsFreight() {
		OrderAccepted order = order("95.00", line(1, "CEMENT", 40, "8.40"), line(2, "FOOD", 3, "2.50"));

		ShipmentCharge charge = ShipmentCharge.of(order, "anna", UUID.randomUUID(), SITE,
				List.of(new ShipmentLine(1, "A", 40, "PALLET"), new ShipmentLine(2, "B", 3, "BOX")), 1,
				OrderProgress.none(), this.finnishRates);

		assertThat(charge.lines()).extracting(InvoiceLine::kind, InvoiceLine::net, InvoiceLine::vatRate)
			.containsExactly(tuple(InvoiceLine.Kind.GOODS, "336.00", "25.5"), tuple(InvoiceLine.Kind.GOODS, "7.50", "14"),
					tuple(InvoiceLine.Kind.FREIGHT, "95.00", "25.5"));
		assertThat(charge.net()).isEqualByComparingTo(order.totals().total());
		assertThat(charge.complete()).isTrue();
	}

	@Test
	void splitsFreightAcrossTheShipmentsOfASplitOrderByTheValueOfTheirGoodsAndAddsUpToTheCent() {
		// 100.00 of freight over goods of 300.00 split 1 : 2 does not divide evenly in cents.
		OrderAccepted order = order("100.00", line(1, "CEMENT", 3, "33.33"), line(2, "CEMENT", 3, "66.67"));

		ShipmentCharge first = ShipmentCharge.of(order, "anna", UUID.randomUUID(), SITE,
				List.of(new ShipmentLine(1, "A", 3, "PALLET")), 2, OrderProgress.none(), this.finnishRates);
		ShipmentCharge second = ShipmentCharge.of(order, "anna", UUID.randomUUID(), SITE,
				List.of(new ShipmentLine(2, "B", 3, "PALLET")), 2, first.after(), this.finnishRates);

		assertThat(freight(first)).isEqualByComparingTo("33.33");
		assertThat(freight(second)).isEqualByComparingTo("66.67");
		assertThat(first.complete()).isFalse();
		assertThat(second.complete()).isTrue();
		assertThat(first.net().add(second.net())).isEqualByComparingTo(order.totals().total());
	}

	@Test
	void chargesALineDeliveredInPartsSoThatThePartsAddUpToTheLineTotal() {
		OrderAccepted order = order("0.00", line(1, "CEMENT", 3, "3.33"));

		ShipmentCharge first = ShipmentCharge.of(order, "anna", UUID.randomUUID(), SITE,
				List.of(new ShipmentLine(1, "A", 1, "PALLET")), 3, OrderProgress.none(), this.finnishRates);
		ShipmentCharge second = ShipmentCharge.of(order, "anna", UUID.randomUUID(), SITE,
				List.of(new ShipmentLine(1, "A", 1, "PALLET")), 3, first.after(), this.finnishRates);
		ShipmentCharge third = ShipmentCharge.of(order, "anna", UUID.randomUUID(), SITE,
				List.of(new ShipmentLine(1, "A", 1, "PALLET")), 3, second.after(), this.finnishRates);

		assertThat(List.of(first.net(), second.net(), third.net())).extracting(BigDecimal::toPlainString)
			.containsExactly("3.33", "3.33", "3.33");
		assertThat(third.lines()).noneMatch(line -> line.kind() == InvoiceLine.Kind.FREIGHT);
	}

	@Test
	void neverChargesMoreOfALineThanWasOrdered() {
		OrderAccepted order = order("0.00", line(1, "CEMENT", 2, "10.00"));
		OrderProgress allInvoiced = new OrderProgress(java.util.Map.of(1, 2), new BigDecimal("20.00"), BigDecimal.ZERO,
				1);

		ShipmentCharge again = ShipmentCharge.of(order, "anna", UUID.randomUUID(), SITE,
				List.of(new ShipmentLine(1, "A", 2, "PALLET")), 2, allInvoiced, this.finnishRates);

		assertThat(again.lines()).isEmpty();
		assertThat(again.net()).isEqualByComparingTo("0");
	}

	private static BigDecimal freight(ShipmentCharge charge) {
		return charge.lines()
			.stream()
			.filter(line -> line.kind() == InvoiceLine.Kind.FREIGHT)
			.map(InvoiceLine::net)
			.findFirst()
			.orElseThrow();
	}

	private static org.assertj.core.groups.Tuple tuple(InvoiceLine.Kind kind, String net, String rate) {
		return org.assertj.core.groups.Tuple.tuple(kind, new BigDecimal(net), new BigDecimal(rate));
	}

	private static PricedLine line(int no, String group, int quantity, String price) {
		BigDecimal unitPrice = new BigDecimal(price);
		return new PricedLine(no, "SKU-" + no, "Product " + no, group, "PCS", quantity, "PALLET", SITE, unitPrice,
				unitPrice, unitPrice.multiply(BigDecimal.valueOf(quantity)), LocalDate.now());
	}

	private static OrderAccepted order(String freight, PricedLine... lines) {
		BigDecimal goods = List.of(lines).stream().map(PricedLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
		return new OrderAccepted(UUID.randomUUID(), "LV-1", UUID.randomUUID(), "PO-1", DeliveryMode.SPLIT_ALLOWED, null,
				List.of(lines), List.of(), new Totals(goods, new BigDecimal(freight), goods.add(new BigDecimal(freight)),
						"EUR"),
				Instant.now(), new PaymentTerms("NET_30", 30, LocalDate.now()), "FLAT");
	}
}
