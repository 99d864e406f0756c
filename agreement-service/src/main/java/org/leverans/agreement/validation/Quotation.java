package org.leverans.agreement.validation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.leverans.agreement.agreements.Agreement;
import org.leverans.agreement.agreements.Agreements;
import org.leverans.agreement.catalog.Catalogue;
import org.leverans.agreement.catalog.Product;
import org.leverans.agreement.customers.Customer;
import org.leverans.agreement.customers.Customers;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.contracts.order.OrderLine;
import org.leverans.contracts.order.RequestedDelivery;
import org.leverans.messaging.OncePerTransaction;

import org.springframework.stereotype.Component;

/**
 * Quotes an order: loads the customer, the agreement in force on the customer's calendar day and the products the
 * lines name, then prices the lines and lists every problem with {@link OrderValidator}'s rules. The one place both
 * the quote endpoint (an order not yet placed, today) and the validation of a placed order (on the day it was
 * placed) get their prices from, so a quote never promises what validation would refuse.
 */
@Component
public class Quotation {

	private static final ZoneId UNKNOWN_CUSTOMER_ZONE = ZoneId.of("UTC");

	// Validation quotes a poll batch's orders in one transaction, and they mostly share a customer, its agreement
	// and products: each is read once per batch (a quote request has no transaction and reads every time).
	private final OncePerTransaction<UUID, Optional<Customer>> customers;

	private final OncePerTransaction<InForce, Optional<Agreement>> agreements;

	private final OncePerTransaction<Set<String>, Map<String, Product>> products;

	Quotation(Customers customers, Agreements agreements, Catalogue catalogue) {
		this.customers = OncePerTransaction.of(customers::byId);
		this.agreements = OncePerTransaction.of(key -> agreements.inForce(key.customerId(), key.date()));
		this.products = OncePerTransaction.of(catalogue::bySku);
	}

	/**
	 * @param customerId the customer ordering; {@code null} or unknown gives a quote without an agreement
	 * @param at when the order is (or was) placed; the customer's time zone turns it into the order date
	 */
	public Quote quote(UUID customerId, DeliveryMode deliveryMode, RequestedDelivery requestedDelivery,
			List<OrderLine> lines, Instant at) {
		Optional<Customer> customer = (customerId != null) ? this.customers.get(customerId) : Optional.empty();
		ZoneId zone = customer.map(Customer::timeZone).orElse(UNKNOWN_CUSTOMER_ZONE);
		LocalDate orderDate = at.atZone(zone).toLocalDate();
		Optional<Agreement> agreement = customer.flatMap(c -> this.agreements.get(new InForce(c.id(), orderDate)));
		List<OrderLine> named = (lines != null) ? lines : List.of();
		Map<String, Product> products = this.products.get(named.stream()
			.map(OrderLine::sku)
			.filter(Objects::nonNull)
			.map(Catalogue::key)
			.collect(Collectors.toUnmodifiableSet()));
		OrderValidator.Assessment assessment = OrderValidator.assess(deliveryMode, requestedDelivery, named,
				orderDate, agreement, products);
		return new Quote(orderDate, agreement, products, assessment);
	}

	private record InForce(UUID customerId, LocalDate date) {
	}

	/**
	 * What an order costs and what stops it, with what it was worked out from.
	 *
	 * @param orderDate the customer's calendar day the quote is for
	 * @param agreement the customer's agreement in force on that day, if any
	 * @param products the catalogue products the lines name, keyed by {@link Catalogue#key upper-case code}
	 */
	public record Quote(LocalDate orderDate, Optional<Agreement> agreement, Map<String, Product> products,
			OrderValidator.Assessment assessment) {

		/** The catalogue product a line names, or {@code null} when the catalogue does not know the code. */
		public Product productOf(OrderLine line) {
			return (line.sku() != null) ? this.products.get(Catalogue.key(line.sku())) : null;
		}
	}
}
