package org.leverans.credit.decision;

import java.time.Clock;
import java.time.Instant;

import org.leverans.contracts.billing.CreditNoteIssued;
import org.leverans.contracts.billing.InvoiceIssued;
import org.leverans.contracts.billing.InvoicedOrder;
import org.leverans.contracts.billing.PaymentReceived;
import org.leverans.contracts.credit.CreditReleased;
import org.leverans.credit.account.CreditAccount;
import org.leverans.credit.account.CreditAccounts;
import org.leverans.credit.account.Receivables;
import org.leverans.messaging.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credit follows the money: an invoiced order moves from its reservation to the invoice's receivable, and a payment
 * or credit note frees what it settles. Each step changes the account's stored exposure under its row lock.
 */
@Service
public class CreditFollowsInvoices {

	static final String ORDER_INVOICED = "ORDER_INVOICED";

	private static final Logger logger = LoggerFactory.getLogger(CreditFollowsInvoices.class);

	private final CreditAccounts accounts;

	private final Receivables receivables;

	private final Outbox outbox;

	private final Clock clock;

	CreditFollowsInvoices(CreditAccounts accounts, Receivables receivables, Outbox outbox, Clock clock) {
		this.accounts = accounts;
		this.receivables = receivables;
		this.outbox = outbox;
		this.clock = clock;
	}

	@Transactional
	public void invoiced(InvoiceIssued invoice) {
		CreditAccount account = this.accounts.lock(invoice.customerId()).orElse(null);
		if (account == null) {
			logger.warn("Invoice {} is for customer {}, who has no credit account", invoice.invoiceNumber(),
					invoice.customerId());
			return;
		}
		Instant now = this.clock.instant();
		if (!this.receivables.open(invoice.invoiceId(), invoice.invoiceNumber(), invoice.customerId(),
				invoice.total(), invoice.currency(), invoice.dueDate(), now)) {
			return;
		}
		for (InvoicedOrder order : invoice.orders()) {
			this.accounts.consume(order.orderId(), order.net(), order.complete(), ORDER_INVOICED, now)
				.ifPresent(consumed -> this.outbox.publish(order.orderId(), order.orderId(),
						new CreditReleased(order.orderId(), account.customerId(), consumed.amount(),
								consumed.currency(), ORDER_INVOICED, consumed.exposure(), now)));
		}
	}

	@Transactional
	public void paid(PaymentReceived payment) {
		settle(payment.customerId(), payment.invoiceId(), payment.openAmount());
	}

	@Transactional
	public void credited(CreditNoteIssued note) {
		settle(note.customerId(), note.invoiceId(), note.openAmount());
	}

	private void settle(java.util.UUID customerId, java.util.UUID invoiceId, java.math.BigDecimal openAmount) {
		if (this.accounts.lock(customerId).isPresent()) {
			this.receivables.settle(invoiceId, openAmount);
		}
	}
}
