package org.leverans.order;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.Reason;
import org.leverans.contracts.credit.CreditDeclined;
import org.leverans.contracts.credit.CreditReserved;
import org.leverans.contracts.credit.CreditReviewRequired;
import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.contracts.shipment.ShipmentDelivered;
import org.leverans.contracts.shipment.ShipmentException;
import org.leverans.contracts.shipment.ShipmentLine;
import org.leverans.contracts.shipment.ShipmentPlanned;
import org.leverans.contracts.shipment.ShipmentUpdated;
import org.leverans.contracts.validation.DeliverySite;
import org.leverans.contracts.validation.OrderApprovalRejected;
import org.leverans.contracts.validation.OrderApprovalRequired;
import org.leverans.contracts.validation.OrderApproved;
import org.leverans.contracts.validation.OrderValidated;
import org.leverans.contracts.validation.OrderValidationFailed;
import org.leverans.contracts.validation.PaymentTerms;
import org.leverans.contracts.validation.PricedLine;
import org.leverans.contracts.validation.Totals;

/** Events as the other services would send them about a test order placed by {@code placeOrder(sites…)}. */
public final class OrderEvents {

	private static final BigDecimal PRICE = new BigDecimal("8.40");

	private OrderEvents() {
	}

	/** Prices line i (quantity 40 + i) at 8.40, freight 95.00, like AG-2026-0001. */
	public static OrderValidated validated(UUID orderId, UUID... sites) {
		return validated(orderId, "Rakennus Oy", sites);
	}

	/** Like {@link #validated(UUID, UUID...)}, naming the customer as agreement-service would. */
	public static OrderValidated validated(UUID orderId, String customerName, UUID... sites) {
		List<PricedLine> lines = new ArrayList<>();
		BigDecimal goods = BigDecimal.ZERO;
		for (int i = 0; i < sites.length; i++) {
			int quantity = 40 + i;
			BigDecimal total = PRICE.multiply(BigDecimal.valueOf(quantity));
			goods = goods.add(total);
			lines.add(new PricedLine(i + 1, "CEM-25KG", "Cement 25 kg", "CEMENT", "BAG", quantity, "PALLET", sites[i],
					new BigDecimal("9.90"), PRICE, total, LocalDate.now()));
		}
		BigDecimal freight = new BigDecimal("95.00");
		List<DeliverySite> deliverySites = List.of(sites)
			.stream()
			.distinct()
			.map(site -> new DeliverySite(site, "Site " + site.toString().substring(34), "Street 1", "00100",
					"Helsinki", "FI", "Mikko", "+358 40 123"))
			.toList();
		return new OrderValidated(orderId, OrderServiceIntegrationTest.RAKENNUS,
				UUID.fromString("a1111111-0000-0000-0000-000000000001"), "AG-2026-0001", 1, lines, deliverySites,
				new Totals(goods, freight, goods.add(freight), "EUR"),
				new PaymentTerms("NET_30", 30, LocalDate.now().plusDays(30)), "FREE_OVER", true, Instant.now(), null,
				customerName);
	}

	/** anna's order of 431.00 is above her order limit of 400.00; liisa may approve it within three days. */
	public static OrderApprovalRequired approvalRequired(UUID orderId) {
		Instant now = Instant.now();
		return new OrderApprovalRequired(orderId, null, OrderServiceIntegrationTest.RAKENNUS,
				UUID.fromString("a1111111-0000-0000-0000-000000000001"), "anna",
				new Totals(new BigDecimal("336.00"), new BigDecimal("95.00"), new BigDecimal("431.00"), "EUR"),
				List.of(Reason.of("ORDER_LIMIT_EXCEEDED",
						"The order total 431.00 EUR is above anna's order limit of 400.00 EUR")),
				List.of("liisa"), now, now.plus(Duration.ofDays(3)));
	}

	public static OrderApproved approved(UUID orderId, String by) {
		return new OrderApproved(orderId, null, OrderServiceIntegrationTest.RAKENNUS, by, "Needed for the slab",
				Instant.now());
	}

	public static OrderApprovalRejected approvalRejected(UUID orderId, String by, String code, String message) {
		return new OrderApprovalRejected(orderId, null, OrderServiceIntegrationTest.RAKENNUS, by,
				List.of(Reason.of(code, message)), Instant.now());
	}

	public static OrderValidationFailed validationFailed(UUID orderId, String code) {
		return new OrderValidationFailed(orderId, OrderServiceIntegrationTest.RAKENNUS,
				List.of(Reason.ofLine(1, code, "Not allowed by the agreement")), Instant.now());
	}

	public static CreditReserved creditReserved(UUID orderId) {
		return new CreditReserved(orderId, OrderServiceIntegrationTest.RAKENNUS, new BigDecimal("431.00"), "EUR",
				new BigDecimal("431.00"), new BigDecimal("49569.00"), "rules", Instant.now());
	}

	public static CreditDeclined creditDeclined(UUID orderId) {
		return new CreditDeclined(orderId, OrderServiceIntegrationTest.RAKENNUS, new BigDecimal("431.00"), "EUR",
				List.of(Reason.of("OVER_LIMIT", "Over the credit limit")), "rules", Instant.now());
	}

	public static CreditReviewRequired creditReviewRequired(UUID orderId) {
		return new CreditReviewRequired(orderId, OrderServiceIntegrationTest.RAKENNUS, UUID.randomUUID(),
				new BigDecimal("431.00"), "EUR", List.of(Reason.of("BUREAU_UNAVAILABLE", "Bureau did not answer")),
				Instant.now());
	}

	public static DeliveryWindow window() {
		Instant from = Instant.now().plus(Duration.ofDays(10));
		return new DeliveryWindow(from, from.plus(Duration.ofHours(2)), "PLANNED", Instant.now());
	}

	public static ShipmentPlanned planned(UUID shipmentId, UUID orderId, UUID siteId, String tracking, int lineNo,
			int shipmentsInOrder) {
		return new ShipmentPlanned(shipmentId, orderId, OrderServiceIntegrationTest.RAKENNUS, siteId,
				"nordic-freight", tracking, "PLANNED", List.of(new ShipmentLine(lineNo, "CEM-25KG", 40, "PALLET")),
				window(), shipmentsInOrder, Instant.now());
	}

	public static ShipmentUpdated updated(UUID shipmentId, UUID orderId, UUID siteId, String tracking, String status,
			String eventType) {
		return new ShipmentUpdated(shipmentId, orderId, OrderServiceIntegrationTest.RAKENNUS, siteId, "nordic-freight",
				tracking, status, eventType, Instant.now(), null);
	}

	public static ShipmentDelivered delivered(UUID shipmentId, UUID orderId, UUID siteId, String tracking,
			int shipmentsInOrder) {
		return new ShipmentDelivered(shipmentId, orderId, OrderServiceIntegrationTest.RAKENNUS, siteId,
				"nordic-freight", tracking, Instant.now(), null, shipmentsInOrder);
	}

	public static ShipmentException exception(UUID shipmentId, UUID orderId, UUID siteId, String tracking,
			String eventType, String reason) {
		return new ShipmentException(shipmentId, orderId, OrderServiceIntegrationTest.RAKENNUS, siteId,
				"nordic-freight", tracking, eventType, reason, Instant.now());
	}
}
