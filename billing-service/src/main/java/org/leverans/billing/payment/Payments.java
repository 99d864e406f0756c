package org.leverans.billing.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.leverans.billing.invoicing.Invoice;
import org.leverans.billing.invoicing.Invoices;
import org.leverans.billing.invoicing.RfReference;
import org.leverans.contracts.Money;
import org.leverans.contracts.billing.PaymentReceived;
import org.leverans.messaging.Outbox;
import org.leverans.web.problem.ApiProblem;
import org.leverans.web.problem.FieldProblem;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matches incoming payments to invoices by their RF reference. A payment applies up to what the invoice still
 * asks; the excess of an overpayment, and a payment whose reference no invoice has, wait for customer service.
 */
@Service
public class Payments {

	private final PaymentLedger ledger;

	private final Invoices invoices;

	private final Outbox outbox;

	private final Clock clock;

	Payments(PaymentLedger ledger, Invoices invoices, Outbox outbox, Clock clock) {
		this.ledger = ledger;
		this.invoices = invoices;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Records the payments in one transaction: either all of them are recorded or, when one is refused, none.
	 * A payment already recorded (same external id) is returned as it was.
	 */
	@Transactional
	public List<Payment> receive(List<PaymentInput> inputs, Payment.Source source) {
		return inputs.stream().map(input -> receive(input, source)).toList();
	}

	private Payment receive(PaymentInput input, Payment.Source source) {
		Optional<Payment> known = this.ledger.findByExternalId(input.externalId());
		if (known.isPresent()) {
			return known.get();
		}
		String reference = RfReference.isValid(input.reference()) ? RfReference.normalize(input.reference())
				: input.reference().strip();
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		if (!this.ledger.insert(id, input, source, reference, now)) {
			return this.ledger.findByExternalId(input.externalId()).orElseThrow();
		}
		Optional<Invoice> invoice = RfReference.isValid(reference) ? this.invoices.lockByReference(reference)
				: Optional.empty();
		if (invoice.isPresent() && input.customerId() != null
				&& !invoice.get().customerId().equals(input.customerId())) {
			throw ApiProblem.invalid("The reference is that of another customer's invoice.",
					List.of(FieldProblem.field("reference", "OTHER_CUSTOMERS_INVOICE",
							"Reference " + reference + " belongs to an invoice of another customer")));
		}
		if (invoice.isPresent() && invoice.get().currency().equals(input.currency())) {
			apply(id, invoice.get(), Money.cents(input.amount()), input, now);
		}
		return this.ledger.find(id).orElseThrow();
	}

	private void apply(UUID paymentId, Invoice invoice, BigDecimal amount, PaymentInput input, Instant now) {
		BigDecimal applied = amount.min(invoice.open());
		BigDecimal unapplied = Money.cents(amount.subtract(applied));
		Invoice after = this.invoices.settle(invoice, applied, Money.ZERO);
		Payment existing = this.ledger.find(paymentId).orElseThrow();
		BigDecimal totalApplied = Money.cents(existing.applied().add(applied));
		this.ledger.apply(paymentId, invoice.id(), totalApplied, unapplied,
				(unapplied.signum() > 0) ? Payment.Status.OVERPAID : Payment.Status.APPLIED);
		if (applied.signum() > 0) {
			this.outbox.publish(invoice.customerId(), invoice.id(),
					new PaymentReceived(paymentId, invoice.id(), invoice.number(), invoice.customerId(), applied,
							invoice.currency(), after.open(), input.paidOn(), now));
		}
	}

	/** Customer service applies what a waiting payment has left to the invoice with this number. */
	@Transactional
	public Payment allocate(UUID paymentId, String invoiceNumber) {
		Payment payment = waiting(paymentId);
		Invoice invoice = this.invoices.lockByNumber(invoiceNumber)
			.orElseThrow(() -> ApiProblem.invalid("invoiceNumber", "UNKNOWN_INVOICE",
					"There is no invoice " + invoiceNumber));
		if (!invoice.currency().equals(payment.currency())) {
			throw ApiProblem.invalid("invoiceNumber", "CURRENCY_MISMATCH", "Invoice " + invoiceNumber + " is in "
					+ invoice.currency() + ", the payment in " + payment.currency());
		}
		if (invoice.open().signum() == 0) {
			throw ApiProblem.invalid("invoiceNumber", "NOTHING_OPEN", "Invoice " + invoiceNumber + " is paid");
		}
		apply(paymentId, invoice, payment.unapplied(), new PaymentInput(payment.externalId(), payment.reference(),
				payment.unapplied(), payment.currency(), payment.paidOn(), payment.payerName(), null),
				this.clock.instant());
		return this.ledger.find(paymentId).orElseThrow();
	}

	/** Customer service closes a waiting payment by other means, e.g. refunded to the payer. */
	@Transactional
	public Payment resolve(UUID paymentId, String by, String resolution) {
		waiting(paymentId);
		this.ledger.resolve(paymentId, by, resolution);
		return this.ledger.find(paymentId).orElseThrow();
	}

	public List<Payment> waiting(int limit) {
		return this.ledger.waiting(limit);
	}

	public List<Payment> ofInvoice(UUID invoiceId) {
		return this.ledger.ofInvoice(invoiceId);
	}

	private Payment waiting(UUID paymentId) {
		Payment payment = this.ledger.lock(paymentId)
			.orElseThrow(() -> ApiProblem.notFound("There is no payment " + paymentId));
		if (payment.status() != Payment.Status.UNMATCHED && payment.status() != Payment.Status.OVERPAID) {
			throw ApiProblem.conflict("payment-not-waiting", "Payment not waiting",
					"Payment " + paymentId + " is " + payment.status() + "; only waiting payments can be settled");
		}
		return payment;
	}
}
