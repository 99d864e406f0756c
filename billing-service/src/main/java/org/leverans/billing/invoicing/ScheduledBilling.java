package org.leverans.billing.invoicing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.leverans.contracts.billing.InvoiceOverdue;
import org.leverans.messaging.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The jobs of billing: the monthly collective invoices, and the overdue report. Either may run on several
 * instances at once: invoices and shipments are taken under row locks ({@code FOR UPDATE SKIP LOCKED} for overdue
 * ones), so nothing is done twice.
 */
@Component
public class ScheduledBilling {

	private static final Logger logger = LoggerFactory.getLogger(ScheduledBilling.class);

	private static final int BATCH = 100;

	private final Invoicing invoicing;

	private final Invoices invoices;

	private final InvoicingProperties properties;

	private final BillingProperties billing;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ScheduledBilling(Invoicing invoicing, Invoices invoices, InvoicingProperties properties,
			BillingProperties billing, Outbox outbox, TransactionTemplate transactions, Clock clock) {
		this.invoicing = invoicing;
		this.invoices = invoices;
		this.properties = properties;
		this.billing = billing;
		this.outbox = outbox;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(cron = "${leverans.billing.invoicing.monthly-cron:0 0 3 1 * *}",
			zone = "${leverans.billing.invoicing.zone:Europe/Helsinki}")
	void invoicePreviousMonth() {
		YearMonth previous = YearMonth.now(this.clock.withZone(this.properties.zone())).minusMonths(1);
		List<Invoice> issued = this.invoicing.invoiceMonth(previous);
		logger.info("Collective invoices for {}: {} issued", previous, issued.size());
	}

	@Scheduled(fixedDelayString = "${leverans.billing.overdue.check-interval:1h}", initialDelayString = "PT30S")
	void reportOverdue() {
		int reported;
		do {
			reported = reportOverdueBatch();
		}
		while (reported == BATCH);
	}

	/** Reports one batch of invoices that became overdue; returns how many. */
	public int reportOverdueBatch() {
		Integer reported = this.transactions.execute(status -> {
			Instant now = this.clock.instant();
			LocalDate today = LocalDate.ofInstant(now, this.properties.zone());
			LocalDate dueBefore = today.minusDays(this.billing.overdue().after().toDays());
			List<Invoice> overdue = this.invoices.lockUnreportedOverdue(dueBefore, BATCH);
			for (Invoice invoice : overdue) {
				this.invoices.markOverdueReported(invoice.id(), now);
				this.outbox.publish(invoice.customerId(), invoice.id(),
						new InvoiceOverdue(invoice.id(), invoice.number(), invoice.customerId(), invoice.open(),
								invoice.currency(), invoice.dueDate(),
								(int) ChronoUnit.DAYS.between(invoice.dueDate(), today), now));
			}
			return overdue.size();
		});
		return (reported != null) ? reported : 0;
	}
}
