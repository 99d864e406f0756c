package org.leverans.agreement.validation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.leverans.agreement.agreements.Agreement;
import org.leverans.agreement.agreements.AgreementVersion;
import org.leverans.agreement.catalog.Catalogue;
import org.leverans.agreement.catalog.Product;
import org.leverans.agreement.customers.Site;
import org.leverans.contracts.Money;
import org.leverans.contracts.Reason;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.contracts.order.OrderLine;
import org.leverans.contracts.order.OrderPlaced;
import org.leverans.contracts.order.RequestedDelivery;
import org.leverans.contracts.validation.DeliverySite;
import org.leverans.contracts.validation.OrderValidated;
import org.leverans.contracts.validation.OrderValidationFailed;
import org.leverans.contracts.validation.PaymentTerms;
import org.leverans.contracts.validation.PricedLine;
import org.leverans.contracts.validation.Totals;

/**
 * Checks a placed order against the agreement in force on the day it was placed and prices it. Every problem is
 * reported, not just the first, so the orderer can fix the order in one go.
 */
public final class OrderValidator {

	private OrderValidator() {
	}

	/**
	 * @param orderDate the customer's calendar day on which the order was placed
	 * @param agreement the customer's agreement in force on {@code orderDate}, with the version in force then
	 * @param products the catalogue products the order names, keyed by {@link Catalogue#key upper-case SKU}
	 */
	public static Outcome validate(OrderPlaced order, LocalDate orderDate, Optional<Agreement> agreement,
			Map<String, Product> products, Instant now) {
		return decide(order, agreement, assess(order.deliveryMode(), order.requestedDelivery(), order.lines(),
				orderDate, agreement, products), now);
	}

	/**
	 * The outcome of an order already {@link #assess assessed}: validated with its prices if it has no problem,
	 * failed with every problem otherwise.
	 *
	 * @param agreement the agreement the assessment was made under
	 */
	public static Outcome decide(OrderPlaced order, Optional<Agreement> agreement, Assessment assessment,
			Instant now) {
		if (!assessment.orderable()) {
			return new Outcome.Failed(new OrderValidationFailed(order.orderId(), order.customerId(),
					assessment.reasons(), now));
		}
		Agreement in = agreement.get();
		AgreementVersion terms = in.terms();
		// The order may be split only if it asked for it and the agreement allows it; assess() rejects the
		// other combination, so the second half holds for every validated order.
		boolean split = order.deliveryMode() == DeliveryMode.SPLIT_ALLOWED;
		return new Outcome.Validated(new OrderValidated(order.orderId(), order.customerId(), in.id(), in.number(),
				terms.version(), assessment.lines(), assessment.sites(), assessment.totals(),
				assessment.paymentTerms(), terms.freightTerms().code().name(), split, now, order.orderNumber(),
				in.customerName(), terms.invoicingRule().name()));
	}

	/**
	 * Prices every line that has no problem and lists every problem; the order is orderable when there are none.
	 * Used for placed orders and for quotes alike, so a quote never promises what validation would refuse.
	 */
	public static Assessment assess(DeliveryMode deliveryMode, RequestedDelivery requestedDelivery,
			List<OrderLine> orderLines, LocalDate orderDate, Optional<Agreement> agreement,
			Map<String, Product> products) {
		if (agreement.isEmpty() || !agreement.get().inForceOn(orderDate)) {
			return new Assessment(List.of(), List.of(), null, null, List.of(Reason.of(
					ReasonCode.AGREEMENT_NOT_ACTIVE.name(), "No agreement is in force for the customer on " + orderDate)));
		}
		Agreement in = agreement.get();
		AgreementVersion terms = in.terms();
		List<Reason> reasons = new ArrayList<>();
		List<OrderLine> lines = (orderLines != null) ? orderLines : List.of();
		if (lines.isEmpty()) {
			reasons.add(Reason.of(ReasonCode.QUANTITY_INVALID.name(), "The order has no lines"));
		}
		if (deliveryMode == DeliveryMode.SPLIT_ALLOWED && !terms.deliveryOptions().splitDeliveryAllowed()) {
			reasons.add(Reason.of(ReasonCode.SPLIT_NOT_ALLOWED.name(),
					"The agreement requires complete delivery; split delivery is not allowed"));
		}
		long sitesUsed = lines.stream().map(OrderLine::siteId).filter(id -> id != null).distinct().count();
		if (sitesUsed > 1 && !terms.deliveryOptions().multipleSitesAllowed()) {
			reasons.add(Reason.of(ReasonCode.MULTIPLE_SITES_NOT_ALLOWED.name(),
					"The agreement allows delivery to one site per order; this order names " + sitesUsed));
		}
		if (requestedDelivery != null && requestedDelivery.date() != null) {
			LocalDate earliest = terms.deliveryOptions().earliestDeliveryDate(orderDate);
			if (requestedDelivery.date().isBefore(earliest)) {
				reasons.add(Reason.of(ReasonCode.LEAD_TIME_TOO_SHORT.name(),
						"The earliest delivery date is " + earliest + " (" + terms.deliveryOptions().minLeadTimeDays()
								+ " working days lead time); requested " + requestedDelivery.date()));
			}
		}

		List<PricedLine> priced = new ArrayList<>();
		BigDecimal weightKg = BigDecimal.ZERO;
		Map<UUID, DeliverySite> sites = new LinkedHashMap<>();
		for (OrderLine line : lines) {
			List<Reason> lineReasons = new ArrayList<>();
			int lineNo = line.lineNo();
			if (line.quantity() <= 0) {
				lineReasons.add(Reason.ofLine(lineNo, ReasonCode.QUANTITY_INVALID.name(),
						"Quantity must be at least 1, was " + line.quantity()));
			}
			Optional<Site> site = (line.siteId() != null) ? terms.site(line.siteId()) : Optional.empty();
			if (site.isEmpty()) {
				lineReasons.add(Reason.ofLine(lineNo, ReasonCode.SITE_NOT_IN_AGREEMENT.name(),
						(line.siteId() != null) ? "Delivery site " + line.siteId() + " is not in the agreement"
								: "No delivery site given"));
			}
			Product product = (line.sku() != null) ? products.get(Catalogue.key(line.sku())) : null;
			String packageSize = null;
			if (product == null) {
				lineReasons.add(Reason.ofLine(lineNo, ReasonCode.SKU_UNKNOWN.name(),
						"Unknown product code " + line.sku()));
			}
			else {
				if (!terms.inAssortment(product)) {
					lineReasons.add(Reason.ofLine(lineNo, ReasonCode.SKU_NOT_IN_ASSORTMENT.name(),
							product.sku() + " (" + product.group() + ") is not in the agreement's assortment"));
				}
				List<String> allowed = terms.packageSizesFor(product);
				packageSize = (line.packageSize() != null) ? line.packageSize().strip().toUpperCase(Locale.ROOT)
						: allowed.stream().findFirst().orElse(null);
				if (packageSize == null || !allowed.contains(packageSize)) {
					lineReasons.add(Reason.ofLine(lineNo, ReasonCode.PACKAGE_SIZE_NOT_ALLOWED.name(),
							"Package size " + ((line.packageSize() != null) ? line.packageSize() : "(none)")
									+ " is not allowed for " + product.sku() + "; allowed: " + allowed));
				}
			}
			reasons.addAll(lineReasons);
			if (lineReasons.isEmpty()) {
				priced.add(new PricedLine(lineNo, product.sku(), product.name(), product.group(), product.unit(),
						line.quantity(), packageSize, line.siteId(), terms.priceList().listPrice(product),
						terms.priceList().unitPrice(product), terms.priceList().lineTotal(product, line.quantity()),
						product.availableFrom(orderDate)));
				sites.putIfAbsent(line.siteId(), site.get().toContract());
				weightKg = weightKg.add(product.weightOf(line.quantity()));
			}
		}
		BigDecimal goods = priced.stream().map(PricedLine::lineTotal).reduce(Money.ZERO, BigDecimal::add);
		// Like the goods, the weight counts only the priced lines: a line with problems is not shipped.
		BigDecimal freight = terms.freightTerms().freightFor(goods, weightKg);
		Totals totals = new Totals(goods, freight, goods.add(freight), in.currency());
		PaymentTerms payment = new PaymentTerms(terms.paymentTerms().code(), terms.paymentTerms().days(),
				terms.paymentTerms().dueDate(orderDate));
		return new Assessment(List.copyOf(priced), List.copyOf(sites.values()), totals, payment,
				List.copyOf(reasons));
	}

	/**
	 * The priced lines (those without problems), the sites they go to, totals over those lines, and every problem.
	 * Totals and payment terms are {@code null} when no agreement is in force.
	 */
	public record Assessment(List<PricedLine> lines, List<DeliverySite> sites, Totals totals,
			PaymentTerms paymentTerms, List<Reason> reasons) {

		public boolean orderable() {
			return this.reasons.isEmpty();
		}
	}

	/** The result of validating one order: exactly one of the two events. */
	public sealed interface Outcome {

		record Validated(OrderValidated event) implements Outcome {
		}

		record Failed(OrderValidationFailed event) implements Outcome {
		}
	}
}
