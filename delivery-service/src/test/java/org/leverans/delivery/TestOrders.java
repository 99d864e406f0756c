package org.leverans.delivery;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.leverans.contracts.order.DeliveryMode;
import org.leverans.contracts.order.OrderAccepted;
import org.leverans.contracts.order.RequestedDelivery;
import org.leverans.contracts.validation.DeliverySite;
import org.leverans.contracts.validation.PricedLine;
import org.leverans.contracts.validation.Totals;
import org.leverans.testsupport.DemoIds;

/** Builds accepted orders the way order-service publishes them. */
public final class TestOrders {

	public static final UUID RAKENNUS = DemoIds.RAKENNUS;

	public static final UUID BYGG = DemoIds.BYGG;

	private static final AtomicInteger numbers = new AtomicInteger();

	private final UUID customerId;

	private final DeliveryMode mode;

	private final LocalDate requested;

	private final List<PricedLine> lines = new ArrayList<>();

	private final Map<UUID, DeliverySite> sites = new LinkedHashMap<>();

	private TestOrders(UUID customerId, DeliveryMode mode, LocalDate requested) {
		this.customerId = customerId;
		this.mode = mode;
		this.requested = requested;
	}

	public static TestOrders order(UUID customerId, DeliveryMode mode, LocalDate requested) {
		return new TestOrders(customerId, mode, requested);
	}

	public TestOrders line(UUID siteId, String country, LocalDate availableFrom) {
		this.sites.computeIfAbsent(siteId, id -> new DeliverySite(id, "Site " + id.toString().substring(30),
				"Street 1", "00100", "City", country, "Mikko", "+358 40 1234567"));
		int lineNo = this.lines.size() + 1;
		this.lines.add(new PricedLine(lineNo, "SKU-" + lineNo, "Product " + lineNo, "CEMENT", "BAG", 10, "PALLET",
				siteId, new BigDecimal("9.90"), new BigDecimal("8.40"), new BigDecimal("84.00"), availableFrom));
		return this;
	}

	public OrderAccepted accepted() {
		return new OrderAccepted(UUID.randomUUID(), String.format("LV-%06d", numbers.incrementAndGet()),
				this.customerId, "PO-4711", this.mode,
				new RequestedDelivery(this.requested, LocalTime.of(7, 0), LocalTime.of(9, 0)), List.copyOf(this.lines),
				List.copyOf(this.sites.values()),
				new Totals(new BigDecimal("84.00"), BigDecimal.ZERO, new BigDecimal("84.00"), "EUR"), Instant.now(),
				null, null);
	}
}
