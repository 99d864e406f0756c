package org.leverans.billing.invoicing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.leverans.billing.invoicing.InvoicingProperties.InvoicingRule;
import org.leverans.billing.invoicing.OrderFacts.BilledOrder;
import org.leverans.billing.invoicing.OrderFacts.BilledShipment;
import org.leverans.contracts.Money;
import org.leverans.contracts.billing.CreditNoteIssued;
import org.leverans.contracts.claim.ClaimAccepted;
import org.leverans.contracts.billing.InvoiceIssued;
import org.leverans.contracts.billing.InvoicedOrder;
import org.leverans.contracts.order.OrderAccepted;
import org.leverans.contracts.order.OrderCancelled;
import org.leverans.contracts.order.OrderPlaced;
import org.leverans.contracts.shipment.ShipmentDelivered;
import org.leverans.contracts.shipment.ShipmentPlanned;
import org.leverans.contracts.shipment.ShipmentUpdated;
import org.leverans.contracts.validation.DeliverySite;
import org.leverans.contracts.validation.OrderValidated;
import org.leverans.messaging.Outbox;
import org.leverans.web.problem.ApiProblem;
import org.leverans.web.problem.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns delivered shipments into invoices under the agreement's invoicing rule, and returned shipments and accepted
 * claims into credit notes. What it needs comes from three topics in no particular order across them; whichever event completes the
 * picture issues the invoice.
 */
@Service
public class Invoicing {

	private static final Logger logger = LoggerFactory.getLogger(Invoicing.class);

	private final OrderFacts facts;

	private final Invoices invoices;

	private final InvoicingProperties properties;

	private final VatProperties vat;

	private final BillingProperties billing;

	private final Outbox outbox;

	private final Clock clock;

	private final ClaimCredits claims;

	Invoicing(OrderFacts facts, Invoices invoices, InvoicingProperties properties, VatProperties vat,
			BillingProperties billing, Outbox outbox, Clock clock, ClaimCredits claims) {
		this.claims = claims;
		this.facts = facts;
		this.invoices = invoices;
		this.properties = properties;
		this.vat = vat;
		this.billing = billing;
		this.outbox = outbox;
		this.clock = clock;
	}

	@Transactional
	public void placed(OrderPlaced event) {
		this.facts.placed(event);
	}

	/**
	 * @throws IllegalArgumentException for a rule this service does not know, so the event is dead-lettered rather
	 * than invoiced by the wrong rule
	 */
	@Transactional
	public void validated(OrderValidated event) {
		invoiceDeliveries(this.facts.validated(event,
				(event.invoicingRule() != null) ? InvoicingRule.valueOf(event.invoicingRule()) : null));
	}

	@Transactional
	public void accepted(OrderAccepted event) {
		invoiceDeliveries(this.facts.accepted(event));
	}

	@Transactional
	public void cancelled(OrderCancelled event) {
		this.facts.cancelled(event.orderId(), event.customerId());
	}

	/** The claimed goods are credited once they are invoiced: now, or when their invoice is issued. */
	@Transactional
	public void claimAccepted(ClaimAccepted event) {
		this.claims.record(event);
		this.claims.credit(event.orderId(), this::creditLines);
	}

	@Transactional
	public void planned(ShipmentPlanned event) {
		this.facts.planned(event);
	}

	@Transactional
	public void updated(ShipmentUpdated event) {
		if ("CANCELLED".equals(event.status())) {
			this.facts.shipmentCancelled(event.shipmentId());
		}
		else if ("RETURNED".equals(event.status())) {
			returned(event.orderId(), event.shipmentId(), "Shipment " + event.trackingNumber() + " was returned");
		}
	}

	@Transactional
	public void delivered(ShipmentDelivered event) {
		if (!this.facts.delivered(event.shipmentId(), event.deliveredAt())) {
			logger.warn("Shipment {} of order {} was delivered but never planned; nothing to invoice",
					event.shipmentId(), event.orderId());
			return;
		}
		this.facts.lock(event.orderId()).ifPresent(this::invoiceDeliveries);
	}

	/** Issues the invoices of an order's delivered shipments, if its agreement invoices per shipment. */
	private void invoiceDeliveries(BilledOrder order) {
		if (!order.readyToInvoice()) {
			return;
		}
		if (ruleOf(order) != InvoicingRule.PER_SHIPMENT) {
			return;
		}
		for (BilledShipment shipment : this.facts.deliveredNotInvoiced(order.orderId())) {
			issue(List.of(new Delivery(order, shipment)));
		}
	}

	/**
	 * Issues the collective invoices of {@code month}: per customer, agreement and currency, one invoice for the
	 * shipments delivered in it under agreements that invoice monthly.
	 * @return the invoices issued
	 */
	@Transactional
	public List<Invoice> invoiceMonth(YearMonth month) {
		Instant until = month.plusMonths(1).atDay(1).atStartOfDay(this.properties.zone()).toInstant();
		Map<List<Object>, List<Delivery>> collective = new LinkedHashMap<>();
		for (UUID orderId : this.facts.ordersWithUninvoicedDeliveries(until)) {
			BilledOrder order = this.facts.lock(orderId).orElse(null);
			if (order == null || !order.readyToInvoice()
					|| ruleOf(order) != InvoicingRule.MONTHLY) {
				continue;
			}
			for (BilledShipment shipment : this.facts.deliveredNotInvoiced(orderId)) {
				if (shipment.deliveredAt().isBefore(until)) {
					collective.computeIfAbsent(List.of(order.customerId(), order.agreementNumber(),
							order.accepted().totals().currency()), key -> new ArrayList<>())
						.add(new Delivery(order, shipment));
				}
			}
		}
		return collective.values().stream().map(this::issue).toList();
	}

	/** The rule the order was validated under; the configured one for orders validated before it travelled. */
	private InvoicingRule ruleOf(BilledOrder order) {
		return (order.invoicingRule() != null) ? order.invoicingRule()
				: this.properties.ruleOf(order.agreementNumber());
	}

	private Invoice issue(List<Delivery> deliveries) {
		BilledOrder first = deliveries.get(0).order();
		String country = countryOf(first.accepted(), deliveries.get(0).shipment().siteId());
		List<InvoiceLine> lines = new ArrayList<>();
		Map<UUID, OrderProgress> progress = new LinkedHashMap<>();
		Map<UUID, InvoicedOrder> orders = new LinkedHashMap<>();
		for (Delivery delivery : deliveries) {
			BilledOrder order = delivery.order();
			OrderProgress before = progress.computeIfAbsent(order.orderId(),
					id -> this.invoices.progress(id, this.facts.shipmentsInvoiced(id)));
			ShipmentCharge charge = ShipmentCharge.of(order.accepted(), order.placedBy(),
					delivery.shipment().shipmentId(), delivery.shipment().siteId(), delivery.shipment().lines(),
					delivery.shipment().shipmentsInOrder(), before, group -> this.vat.rate(country, group));
			progress.put(order.orderId(), charge.after());
			lines.addAll(charge.lines());
			InvoicedOrder previous = orders.get(order.orderId());
			BigDecimal net = (previous != null) ? previous.net().add(charge.net()) : charge.net();
			orders.put(order.orderId(), new InvoicedOrder(order.orderId(), order.orderNumber(), Money.cents(net),
					charge.complete()));
		}
		List<InvoiceLine> numbered = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			numbered.add(lines.get(i).numbered(i + 1));
		}
		Instant now = this.clock.instant();
		LocalDate issueDate = LocalDate.ofInstant(now, this.properties.zone());
		String number = nextNumber(this.properties.invoicePrefix(), issueDate);
		OrderAccepted accepted = first.accepted();
		int paymentDays = (accepted.paymentTerms() != null) ? accepted.paymentTerms().days()
				: this.properties.defaultPaymentDays();
		String terms = (accepted.paymentTerms() != null) ? accepted.paymentTerms().code()
				: "NET_" + paymentDays;
		BigDecimal net = numbered.stream().map(InvoiceLine::net).reduce(Money.ZERO, BigDecimal::add);
		BigDecimal tax = VatBreakdown.totalTax(VatBreakdown.of(numbered));
		Invoice invoice = new Invoice(UUID.randomUUID(), number, Invoice.Kind.INVOICE, null, first.customerId(),
				first.customerName(), first.agreementNumber(), country, this.billing.languageOf(country),
				accepted.totals().currency(), issueDate, issueDate.plusDays(paymentDays), terms, Money.cents(net),
				tax, Money.cents(net.add(tax)), Money.ZERO, Money.ZERO, Invoice.Status.OPEN,
				RfReference.of(number.replaceAll("[^0-9A-Za-z]", "")), null, now, numbered);
		this.invoices.insert(invoice);
		deliveries.forEach(delivery -> this.facts.markInvoiced(delivery.shipment().shipmentId(), invoice.id()));
		this.outbox.publish(invoice.customerId(), invoice.id(),
				new InvoiceIssued(invoice.id(), invoice.number(), invoice.customerId(), List.copyOf(orders.values()),
						invoice.net(), invoice.vat(), invoice.total(), invoice.currency(), invoice.issueDate(),
						invoice.dueDate(), invoice.reference(), now));
		logger.info("Invoice {} issued to customer {}: {} {}", number, invoice.customerId(), invoice.total(),
				invoice.currency());
		orders.keySet().forEach(orderId -> this.claims.credit(orderId, this::creditLines));
		return invoice;
	}

	/**
	 * A returned shipment: what of it is not credited yet is credited; one not invoiced yet is left off the invoice.
	 */
	private void returned(UUID orderId, UUID shipmentId, String reason) {
		BilledShipment shipment = this.facts.shipment(shipmentId).orElse(null);
		if (shipment == null || shipment.credited()) {
			return;
		}
		if (shipment.invoiceId() == null) {
			this.facts.shipmentCancelled(shipmentId);
			return;
		}
		Invoice invoice = this.invoices.lock(shipment.invoiceId()).orElseThrow();
		Map<Integer, Invoices.Credited> credited = this.invoices.credited(invoice.id());
		Map<Integer, Integer> remaining = new LinkedHashMap<>();
		for (InvoiceLine line : this.invoices.linesOfShipment(shipmentId)) {
			int left = line.quantity() - credited.getOrDefault(line.lineNo(), Invoices.Credited.NONE).quantity();
			if (left > 0) {
				remaining.put(line.lineNo(), left);
			}
		}
		if (!remaining.isEmpty()) {
			creditLines(invoice, remaining, reason);
		}
		this.facts.markCredited(shipmentId);
		logger.info("Returned shipment {} of order {} credited on invoice {}", shipmentId, orderId, invoice.number());
	}

	/**
	 * Issues a credit note for these quantities of an invoice's lines (by line number): cancelled or returned
	 * goods, or freight given back.
	 * @throws ApiProblem when a line is not on the invoice or would be credited for more than it charged
	 */
	@Transactional
	public Invoice creditLines(UUID invoiceId, Map<Integer, Integer> quantities, String reason) {
		Invoice invoice = this.invoices.lock(invoiceId)
			.filter(found -> found.kind() == Invoice.Kind.INVOICE)
			.orElseThrow(() -> ApiProblem.notFound("There is no invoice " + invoiceId));
		return creditLines(invoice, quantities, reason);
	}

	private Invoice creditLines(Invoice locked, Map<Integer, Integer> quantities, String reason) {
		Map<Integer, InvoiceLine> charged = new LinkedHashMap<>();
		this.invoices.find(locked.id()).orElseThrow().lines().forEach(line -> charged.put(line.lineNo(), line));
		Map<Integer, Invoices.Credited> credited = this.invoices.credited(locked.id());
		List<FieldProblem> problems = new ArrayList<>();
		List<InvoiceLine> lines = new ArrayList<>();
		List<Integer> creditedLines = new ArrayList<>();
		quantities.forEach((lineNo, quantity) -> {
			InvoiceLine line = charged.get(lineNo);
			if (line == null) {
				problems.add(FieldProblem.line(lineNo, "UNKNOWN_LINE", "Invoice " + locked.number() + " has no line "
						+ lineNo));
				return;
			}
			Invoices.Credited before = credited.getOrDefault(lineNo, Invoices.Credited.NONE);
			int left = line.quantity() - before.quantity();
			if (quantity < 1 || quantity > left) {
				problems.add(FieldProblem.line(lineNo, FieldProblem.INVALID_VALUE, "Line " + lineNo + " has " + left
						+ " left to credit, not " + quantity));
				return;
			}
			BigDecimal net = (quantity == left) ? line.net().subtract(before.net())
					: Money.cents(line.net().multiply(BigDecimal.valueOf(quantity))
						.divide(BigDecimal.valueOf(line.quantity()), 2, java.math.RoundingMode.HALF_EVEN));
			lines.add(new InvoiceLine(0, line.kind(), line.orderId(), line.orderNumber(), line.orderLineNo(),
					line.shipmentId(), line.siteId(), line.purchaseOrderNumber(), line.placedBy(), line.sku(),
					line.description(), line.productGroup(), line.unit(), quantity, line.unitPrice(), net,
					line.vatRate()));
			creditedLines.add(lineNo);
		});
		if (!problems.isEmpty()) {
			throw ApiProblem.invalid("The credit note has " + problems.size() + " problem(s); nothing was credited.",
					problems);
		}
		return creditNote(locked, lines, creditedLines, reason);
	}

	/** Issues a credit note for {@code lines} of a locked invoice, and takes it off what the invoice still asks. */
	private Invoice creditNote(Invoice credited, List<InvoiceLine> lines, List<Integer> creditedLines,
			String reason) {
		List<InvoiceLine> numbered = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			numbered.add(lines.get(i).numbered(i + 1));
		}
		Instant now = this.clock.instant();
		LocalDate issueDate = LocalDate.ofInstant(now, this.properties.zone());
		BigDecimal net = numbered.stream().map(InvoiceLine::net).reduce(Money.ZERO, BigDecimal::add);
		BigDecimal tax = VatBreakdown.totalTax(VatBreakdown.of(numbered));
		Invoice note = new Invoice(UUID.randomUUID(), nextNumber(this.properties.creditNotePrefix(), issueDate),
				Invoice.Kind.CREDIT_NOTE, credited.id(), credited.customerId(), credited.customerName(),
				credited.agreementNumber(), credited.countryCode(), credited.language(), credited.currency(),
				issueDate, issueDate, credited.paymentTerms(), Money.cents(net), tax, Money.cents(net.add(tax)),
				Money.ZERO, Money.ZERO, Invoice.Status.PAID, null, reason, now, numbered);
		this.invoices.insert(note, creditedLines);
		Invoice after = this.invoices.settle(credited, Money.ZERO, note.total());
		this.outbox.publish(credited.customerId(), note.id(),
				new CreditNoteIssued(note.id(), note.number(), credited.id(), credited.number(), credited.customerId(),
						note.net(), note.vat(), note.total(), note.currency(), after.open(), reason, now));
		return note;
	}

	private String nextNumber(String prefix, LocalDate issueDate) {
		String series = prefix + issueDate.getYear();
		return series + "-" + String.format("%06d", this.invoices.nextNumber(series));
	}

	/** The customer's country: where the shipment went, as the agreement names the site. */
	private String countryOf(OrderAccepted order, UUID siteId) {
		List<DeliverySite> sites = (order.sites() != null) ? order.sites() : List.of();
		String country = sites.stream()
			.filter(site -> Objects.equals(site.siteId(), siteId))
			.map(DeliverySite::countryCode)
			.filter(this.vat::knows)
			.findFirst()
			.orElse(sites.stream().map(DeliverySite::countryCode).filter(this.vat::knows).findFirst().orElse(null));
		if (country == null) {
			throw new IllegalStateException("Order " + order.orderId() + " has no delivery site in a country with "
					+ "configured VAT rates (leverans.billing.vat.countries)");
		}
		return country;
	}

	private record Delivery(BilledOrder order, BilledShipment shipment) {
	}
}
