package org.leverans.agreement.validation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.agreement.agreements.Agreement;
import org.leverans.agreement.agreements.AgreementVersion;
import org.leverans.agreement.agreements.DeliveryOptions;
import org.leverans.agreement.agreements.FreightTerms;
import org.leverans.agreement.agreements.InvoicingRule;
import org.leverans.agreement.agreements.PaymentTerms;
import org.leverans.agreement.agreements.PriceList;
import org.leverans.agreement.catalog.Product;
import org.leverans.agreement.customers.Site;
import org.leverans.contracts.Reason;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.contracts.order.OrderLine;
import org.leverans.contracts.order.OrderPlaced;
import org.leverans.contracts.order.RequestedDelivery;
import org.leverans.contracts.validation.OrderValidated;
import org.leverans.contracts.validation.PricedLine;

import static org.assertj.core.api.Assertions.assertThat;

class OrderValidatorTest {

	static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

	/** A Friday. */
	static final LocalDate ORDER_DATE = LocalDate.of(2026, 11, 20);

	static final UUID RAKENNUS = UUID.fromString("11111111-1111-1111-1111-111111111111");

	static final UUID BYGG = UUID.fromString("22222222-2222-2222-2222-222222222222");

	static final Site JATKASAARI = new Site(UUID.fromString("11111111-0000-0000-0000-000000000001"), RAKENNUS,
			"Site Jätkäsaari", "Jätkäsaarenlaituri 1", "00180", "Helsinki", "FI", "Mikko Nieminen", "+358 40 123 4567");

	static final Site PASILA = new Site(UUID.fromString("11111111-0000-0000-0000-000000000002"), RAKENNUS,
			"Site Pasila", "Ratapihantie 11", "00520", "Helsinki", "FI", "Jussi Mäkelä", "+358 40 234 5678");

	static final Site HAMMARBY = new Site(UUID.fromString("22222222-0000-0000-0000-000000000001"), BYGG,
			"Stockholm (Hammarby)", "Hammarby allé 93", "120 63", "Stockholm", "SE", "Lars Berg", "+46 70 123 45 67");

	static final Map<String, BigDecimal> WEIGHTS = Map.of("CEM-25KG", new BigDecimal("25"), "PLY-18MM",
			new BigDecimal("35"), "TIM-48x98", new BigDecimal("2.2"));

	static final Map<String, Product> PRODUCTS = Map.of(
			"CEM-25KG", product("CEM-25KG", "CEMENT", "9.90", List.of("HALF_PALLET", "PALLET"), 0),
			"TIM-48X98", product("TIM-48x98", "TIMBER", "2.35", List.of("HALF_PALLET", "PALLET"), 0),
			"PLY-18MM", product("PLY-18MM", "BOARDS", "42.90", List.of("HALF_PALLET", "PALLET"), 0),
			"GLULAM-90X270", product("GLULAM-90x270", "TIMBER", "38.00", List.of("PALLET"), 14),
			"SCREW-5X50", product("SCREW-5x50", "FASTENERS", "12.90", List.of("PARCEL", "HALF_PALLET"), 0),
			"ANCHOR-M10", product("ANCHOR-M10", "FASTENERS", "34.00", List.of("PARCEL"), 0));

	static final Agreement RAKENNUS_AGREEMENT = new Agreement(UUID.randomUUID(), "AG-2026-0001", RAKENNUS,
			"Rakennus Oy", ZoneId.of("Europe/Helsinki"), "EUR", LocalDate.of(2026, 1, 1), null,
			new AgreementVersion(1, LocalDate.of(2026, 1, 1), new PaymentTerms("NET_30", 30),
					FreightTerms.freeOver(new BigDecimal("2000.00"), new BigDecimal("95.00")),
					new DeliveryOptions(true, true, List.of("PARCEL", "HALF_PALLET", "PALLET"), 1, List.of()),
					new PriceList(BigDecimal.ONE, Map.of("CEM-25KG", new BigDecimal("8.40")),
							Map.of("TIMBER", new BigDecimal("10"))),
					null, List.of(JATKASAARI, PASILA), InvoicingRule.PER_SHIPMENT));

	static final Agreement BYGG_AGREEMENT = new Agreement(UUID.randomUUID(), "AG-2026-0002", BYGG, "Bygg AB",
			ZoneId.of("Europe/Stockholm"), "SEK", LocalDate.of(2026, 1, 1), null,
			new AgreementVersion(1, LocalDate.of(2026, 1, 1), new PaymentTerms("NET_14", 14),
					FreightTerms.flat(new BigDecimal("450.00")),
					new DeliveryOptions(false, false, List.of("PALLET", "HALF_PALLET"), 2, List.of()),
					new PriceList(new BigDecimal("11.20"), Map.of(), Map.of("CEMENT", new BigDecimal("5"))),
					Set.of("CEMENT", "TIMBER", "FASTENERS"), List.of(HAMMARBY), InvoicingRule.MONTHLY));

	@Test
	void pricesARakennusOrderWithContractPriceAndFreightFee() {
		OrderValidated validated = validated(order(RAKENNUS, DeliveryMode.SPLIT_ALLOWED, LocalDate.of(2026, 12, 3),
				new OrderLine(1, "CEM-25KG", 40, "PALLET", JATKASAARI.id())), RAKENNUS_AGREEMENT);

		PricedLine line = validated.lines().get(0);
		assertThat(line.unitPrice()).isEqualTo(new BigDecimal("8.40"));
		assertThat(line.listPrice()).isEqualTo(new BigDecimal("9.90"));
		assertThat(line.lineTotal()).isEqualTo(new BigDecimal("336.00"));
		assertThat(line.availableFrom()).isEqualTo(ORDER_DATE);
		assertThat(validated.totals().goods()).isEqualTo(new BigDecimal("336.00"));
		assertThat(validated.totals().freight()).isEqualTo(new BigDecimal("95.00"));
		assertThat(validated.totals().total()).isEqualTo(new BigDecimal("431.00"));
		assertThat(validated.totals().currency()).isEqualTo("EUR");
		assertThat(validated.paymentTerms().code()).isEqualTo("NET_30");
		assertThat(validated.paymentTerms().dueDate()).isEqualTo(LocalDate.of(2026, 12, 20));
		assertThat(validated.freightTermsCode()).isEqualTo("FREE_OVER");
		assertThat(validated.invoicingRule()).isEqualTo("PER_SHIPMENT");
		assertThat(validated.splitDeliveryAllowed()).isTrue();
		assertThat(validated.agreementNumber()).isEqualTo("AG-2026-0001");
		assertThat(validated.agreementVersion()).isEqualTo(1);
		assertThat(validated.sites()).singleElement().satisfies(site -> {
			assertThat(site.siteId()).isEqualTo(JATKASAARI.id());
			assertThat(site.city()).isEqualTo("Helsinki");
			assertThat(site.countryCode()).isEqualTo("FI");
			assertThat(site.receiverName()).isEqualTo("Mikko Nieminen");
		});
	}

	@Test
	void freightIsFreeOnceGoodsReachTheThreshold() {
		OrderValidated validated = validated(order(RAKENNUS, DeliveryMode.COMPLETE, LocalDate.of(2026, 12, 3),
				new OrderLine(1, "PLY-18MM", 50, "PALLET", JATKASAARI.id())), RAKENNUS_AGREEMENT);
		assertThat(validated.totals().goods()).isEqualTo(new BigDecimal("2145.00"));
		assertThat(validated.totals().freight()).isEqualTo(new BigDecimal("0.00"));
		assertThat(validated.totals().total()).isEqualTo(new BigDecimal("2145.00"));
		assertThat(validated.splitDeliveryAllowed()).isFalse();
	}

	@Test
	void pricesEveryLineAndListsEachSiteOnce() {
		OrderValidated validated = validated(order(RAKENNUS, DeliveryMode.SPLIT_ALLOWED, LocalDate.of(2026, 12, 3),
				new OrderLine(1, "CEM-25KG", 40, "PALLET", JATKASAARI.id()),
				new OrderLine(2, "tim-48x98", 3, null, PASILA.id()),
				new OrderLine(3, "GLULAM-90x270", 2, "PALLET", JATKASAARI.id())), RAKENNUS_AGREEMENT);

		assertThat(validated.lines()).extracting(PricedLine::sku)
			.containsExactly("CEM-25KG", "TIM-48x98", "GLULAM-90x270");
		PricedLine timber = validated.lines().get(1);
		assertThat(timber.unitPrice()).isEqualTo(new BigDecimal("2.12"));
		assertThat(timber.lineTotal()).isEqualTo(new BigDecimal("6.36"));
		assertThat(timber.packageSize()).as("first size both allow").isEqualTo("HALF_PALLET");
		assertThat(validated.lines().get(2).availableFrom()).isEqualTo(ORDER_DATE.plusDays(14));
		// 336.00 + 6.36 + 2 × 34.20
		assertThat(validated.totals().goods()).isEqualTo(new BigDecimal("410.76"));
		assertThat(validated.sites()).extracting(s -> s.siteId()).containsExactly(JATKASAARI.id(), PASILA.id());
	}

	@Test
	void chargesFreightByTheWeightOfThePricedLinesBelowTheThreshold() {
		Agreement byWeight = withFreight(RAKENNUS_AGREEMENT,
				FreightTerms.freeOverByWeight(new BigDecimal("2000.00"), new BigDecimal("0.12"), new BigDecimal("120.00")));
		// 40 × 25 kg + 30 × 35 kg = 2050 kg × 0.12 = 246.00
		OrderPlaced order = order(RAKENNUS, DeliveryMode.SPLIT_ALLOWED, LocalDate.of(2026, 12, 3),
				new OrderLine(1, "CEM-25KG", 40, "PALLET", JATKASAARI.id()),
				new OrderLine(2, "PLY-18MM", 30, "PALLET", JATKASAARI.id()));
		OrderValidated validated = validated(order, byWeight);
		assertThat(validated.totals().goods()).isEqualTo(new BigDecimal("1623.00"));
		assertThat(validated.totals().freight()).isEqualTo(new BigDecimal("246.00"));
		assertThat(validated.totals().total()).isEqualTo(new BigDecimal("1869.00"));
	}

	@Test
	void weightBasedFreightIsAtLeastTheMinimumFee() {
		Agreement byWeight = withFreight(RAKENNUS_AGREEMENT,
				FreightTerms.byWeight(new BigDecimal("0.12"), new BigDecimal("120.00")));
		// 3 m × 2.2 kg × 0.12 = 0.79, far below the minimum
		OrderValidated validated = validated(order(RAKENNUS, DeliveryMode.COMPLETE, LocalDate.of(2026, 12, 3),
				new OrderLine(1, "TIM-48x98", 3, "PALLET", JATKASAARI.id())), byWeight);
		assertThat(validated.totals().freight()).isEqualTo(new BigDecimal("120.00"));
		assertThat(validated.freightTermsCode()).isEqualTo("WEIGHT");
	}

	private static Agreement withFreight(Agreement agreement, FreightTerms freight) {
		AgreementVersion t = agreement.terms();
		return new Agreement(agreement.id(), agreement.number(), agreement.customerId(), agreement.customerName(),
				agreement.customerTimeZone(), agreement.currency(), agreement.validFrom(), agreement.validTo(),
				new AgreementVersion(t.version(), t.effectiveFrom(), t.paymentTerms(), freight, t.deliveryOptions(),
						t.priceList(), t.assortmentGroups(), t.sites(), t.invoicingRule()));
	}

	@Test
	void pricesByggInSekWithGroupDiscountAndFlatFreight() {
		OrderValidated validated = validated(order(BYGG, DeliveryMode.COMPLETE, LocalDate.of(2026, 12, 3),
				new OrderLine(1, "CEM-25KG", 10, "PALLET", HAMMARBY.id())), BYGG_AGREEMENT);
		assertThat(validated.lines().get(0).listPrice()).isEqualTo(new BigDecimal("110.88"));
		assertThat(validated.lines().get(0).unitPrice()).isEqualTo(new BigDecimal("105.34"));
		assertThat(validated.totals()).satisfies(totals -> {
			assertThat(totals.goods()).isEqualTo(new BigDecimal("1053.40"));
			assertThat(totals.freight()).isEqualTo(new BigDecimal("450.00"));
			assertThat(totals.total()).isEqualTo(new BigDecimal("1503.40"));
			assertThat(totals.currency()).isEqualTo("SEK");
		});
		assertThat(validated.paymentTerms().dueDate()).isEqualTo(LocalDate.of(2026, 12, 4));
	}

	@Test
	void rejectsOrderWithoutAgreementInForce() {
		assertThat(codes(OrderValidator.validate(order(RAKENNUS, DeliveryMode.COMPLETE, null,
				new OrderLine(1, "CEM-25KG", 1, "PALLET", JATKASAARI.id())), ORDER_DATE, Optional.empty(), PRODUCTS,
				NOW))).containsExactly("AGREEMENT_NOT_ACTIVE");
	}

	@Test
	void rejectsOrderPlacedAfterTheAgreementEnded() {
		Agreement ended = new Agreement(RAKENNUS_AGREEMENT.id(), "AG-2026-0001", RAKENNUS, "Rakennus Oy",
				ZoneId.of("Europe/Helsinki"), "EUR", LocalDate.of(2026, 1, 1), ORDER_DATE.minusDays(1),
				RAKENNUS_AGREEMENT.terms());
		assertThat(reasons(ended, order(RAKENNUS, DeliveryMode.COMPLETE, null,
				new OrderLine(1, "CEM-25KG", 1, "PALLET", JATKASAARI.id())))).containsExactly("AGREEMENT_NOT_ACTIVE");
	}

	@Test
	void rejectsUnknownSku() {
		assertThat(reasons(RAKENNUS_AGREEMENT, order(RAKENNUS, DeliveryMode.COMPLETE, null,
				new OrderLine(1, "NOPE-1", 3, "PALLET", JATKASAARI.id())))).containsExactly("SKU_UNKNOWN");
	}

	@Test
	void rejectsSkuOutsideTheRestrictedAssortment() {
		assertThat(reasons(BYGG_AGREEMENT, order(BYGG, DeliveryMode.COMPLETE, null,
				new OrderLine(1, "PLY-18MM", 3, "PALLET", HAMMARBY.id())))).containsExactly("SKU_NOT_IN_ASSORTMENT");
	}

	@Test
	void rejectsOrderWhenSiteNotInAgreement() {
		assertThat(reasons(BYGG_AGREEMENT, order(BYGG, DeliveryMode.COMPLETE, null,
				new OrderLine(1, "CEM-25KG", 3, "PALLET", JATKASAARI.id())))).containsExactly("SITE_NOT_IN_AGREEMENT");
		assertThat(reasons(BYGG_AGREEMENT, order(BYGG, DeliveryMode.COMPLETE, null,
				new OrderLine(1, "CEM-25KG", 3, "PALLET", null)))).containsExactly("SITE_NOT_IN_AGREEMENT");
	}

	@Test
	void rejectsSplitDeliveryForBygg() {
		assertThat(reasons(BYGG_AGREEMENT, order(BYGG, DeliveryMode.SPLIT_ALLOWED, null,
				new OrderLine(1, "CEM-25KG", 3, "PALLET", HAMMARBY.id())))).containsExactly("SPLIT_NOT_ALLOWED");
	}

	@Test
	void rejectsSeveralSitesWhenTheAgreementAllowsOne() {
		Agreement oneSiteRakennus = new Agreement(RAKENNUS_AGREEMENT.id(), "AG-X", RAKENNUS, "Rakennus Oy",
				ZoneId.of("Europe/Helsinki"), "EUR", LocalDate.of(2026, 1, 1), null,
				new AgreementVersion(1, LocalDate.of(2026, 1, 1), new PaymentTerms("NET_30", 30),
						FreightTerms.collect(),
						new DeliveryOptions(true, false, List.of("PALLET"), 1, List.of()),
						new PriceList(BigDecimal.ONE, Map.of(), Map.of()), null, List.of(JATKASAARI, PASILA),
						InvoicingRule.PER_SHIPMENT));
		assertThat(reasons(oneSiteRakennus, order(RAKENNUS, DeliveryMode.COMPLETE, null,
				new OrderLine(1, "CEM-25KG", 3, "PALLET", JATKASAARI.id()),
				new OrderLine(2, "CEM-25KG", 3, "PALLET", PASILA.id())))).containsExactly("MULTIPLE_SITES_NOT_ALLOWED");
	}

	@Test
	void rejectsPackageSizeTheAgreementDoesNotAllow() {
		assertThat(reasons(BYGG_AGREEMENT, order(BYGG, DeliveryMode.COMPLETE, null,
				new OrderLine(1, "SCREW-5x50", 3, "PARCEL", HAMMARBY.id())))).containsExactly("PACKAGE_SIZE_NOT_ALLOWED");
	}

	@Test
	void rejectsPackageSizeTheProductDoesNotCome() {
		assertThat(reasons(RAKENNUS_AGREEMENT, order(RAKENNUS, DeliveryMode.COMPLETE, null,
				new OrderLine(1, "CEM-25KG", 3, "PARCEL", JATKASAARI.id())))).containsExactly("PACKAGE_SIZE_NOT_ALLOWED");
	}

	@Test
	void rejectsMissingPackageSizeWhenProductAndAgreementShareNone() {
		assertThat(reasons(BYGG_AGREEMENT, order(BYGG, DeliveryMode.COMPLETE, null,
				new OrderLine(1, "ANCHOR-M10", 3, null, HAMMARBY.id())))).containsExactly("PACKAGE_SIZE_NOT_ALLOWED");
	}

	@Test
	void rejectsRequestedDateBeforeTheMinimumLeadTimeAcrossTheWeekend() {
		// Friday + 2 working days = Tuesday; Monday is too early
		assertThat(reasons(BYGG_AGREEMENT, order(BYGG, DeliveryMode.COMPLETE, LocalDate.of(2026, 11, 23),
				new OrderLine(1, "CEM-25KG", 3, "PALLET", HAMMARBY.id())))).containsExactly("LEAD_TIME_TOO_SHORT");
		assertThat(validated(order(BYGG, DeliveryMode.COMPLETE, LocalDate.of(2026, 11, 24),
				new OrderLine(1, "CEM-25KG", 3, "PALLET", HAMMARBY.id())), BYGG_AGREEMENT)).isNotNull();
	}

	@Test
	void rejectsQuantityBelowOne() {
		assertThat(reasons(RAKENNUS_AGREEMENT, order(RAKENNUS, DeliveryMode.COMPLETE, null,
				new OrderLine(1, "CEM-25KG", 0, "PALLET", JATKASAARI.id())))).containsExactly("QUANTITY_INVALID");
		assertThat(reasons(RAKENNUS_AGREEMENT, order(RAKENNUS, DeliveryMode.COMPLETE, null,
				new OrderLine(1, "CEM-25KG", -4, "PALLET", JATKASAARI.id())))).containsExactly("QUANTITY_INVALID");
	}

	@Test
	void validatedOrderCarriesTheOrderNumberAndTheAgreementsCustomerName() {
		OrderValidated validated = validated(order(RAKENNUS, DeliveryMode.COMPLETE, null,
				new OrderLine(1, "CEM-25KG", 4, "PALLET", JATKASAARI.id())), RAKENNUS_AGREEMENT);

		assertThat(validated.orderNumber()).isEqualTo("LV-000001");
		assertThat(validated.customerName()).isEqualTo("Rakennus Oy");
	}

	@Test
	void rejectsOrderWithoutLines() {
		assertThat(reasons(RAKENNUS_AGREEMENT, order(RAKENNUS, DeliveryMode.COMPLETE, null)))
			.containsExactly("QUANTITY_INVALID");
	}

	@Test
	void reportsEveryProblemWithItsLine() {
		OrderValidator.Outcome outcome = OrderValidator.validate(order(BYGG, DeliveryMode.SPLIT_ALLOWED,
				ORDER_DATE, new OrderLine(1, "CEM-25KG", 3, "PALLET", HAMMARBY.id()),
				new OrderLine(2, "NOPE-1", 3, "PALLET", HAMMARBY.id()),
				new OrderLine(3, "PLY-18MM", 0, "PALLET", HAMMARBY.id())), ORDER_DATE, Optional.of(BYGG_AGREEMENT),
				PRODUCTS, NOW);
		List<Reason> reasons = ((OrderValidator.Outcome.Failed) outcome).event().reasons();
		assertThat(reasons).extracting(Reason::code, Reason::lineNo)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("SPLIT_NOT_ALLOWED", null),
					org.assertj.core.groups.Tuple.tuple("LEAD_TIME_TOO_SHORT", null),
					org.assertj.core.groups.Tuple.tuple("SKU_UNKNOWN", 2),
					org.assertj.core.groups.Tuple.tuple("QUANTITY_INVALID", 3),
					org.assertj.core.groups.Tuple.tuple("SKU_NOT_IN_ASSORTMENT", 3));
	}

	private static OrderValidated validated(OrderPlaced order, Agreement agreement) {
		OrderValidator.Outcome outcome = OrderValidator.validate(order, ORDER_DATE, Optional.of(agreement), PRODUCTS,
				NOW);
		assertThat(outcome).isInstanceOf(OrderValidator.Outcome.Validated.class);
		return ((OrderValidator.Outcome.Validated) outcome).event();
	}

	private static List<String> reasons(Agreement agreement, OrderPlaced order) {
		return codes(OrderValidator.validate(order, ORDER_DATE, Optional.of(agreement), PRODUCTS, NOW));
	}

	private static List<String> codes(OrderValidator.Outcome outcome) {
		assertThat(outcome).isInstanceOf(OrderValidator.Outcome.Failed.class);
		return ((OrderValidator.Outcome.Failed) outcome).event().reasons().stream().map(Reason::code).toList();
	}

	static OrderPlaced order(UUID customerId, DeliveryMode mode, LocalDate requested, OrderLine... lines) {
		return new OrderPlaced(UUID.randomUUID(), "LV-000001", customerId, "anna", NOW, "PO-1", mode,
				(requested != null) ? new RequestedDelivery(requested, LocalTime.of(7, 0), LocalTime.of(9, 0)) : null,
				List.of(lines), null);
	}

	private static Product product(String sku, String group, String price, List<String> sizes, int availableIn) {
		return new Product(sku, sku + " product", group, "PCS", new BigDecimal(price), sizes, availableIn,
				WEIGHTS.getOrDefault(sku, BigDecimal.ONE));
	}
}
