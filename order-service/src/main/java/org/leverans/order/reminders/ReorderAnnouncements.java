package org.leverans.order.reminders;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.order.ReorderDue;
import org.leverans.messaging.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Announces each suggestion once per cycle ({@link ReorderDue}), so notification-service can remind the people who
 * opted in by e-mail. A suggestion snoozed or dismissed is not announced, as it is not shown. The claim on the cycle
 * and the event are one transaction per customer, and the claim is a conditional update, so two instances running
 * the job announce each cycle once.
 */
@Component
class ReorderAnnouncements {

	private static final Logger logger = LoggerFactory.getLogger(ReorderAnnouncements.class);

	private final ReorderSuggestions suggestions;

	private final JdbcClient jdbc;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final ReminderProperties properties;

	private final Clock clock;

	ReorderAnnouncements(ReorderSuggestions suggestions, JdbcClient jdbc, Outbox outbox,
			TransactionTemplate transactions, ReminderProperties properties, Clock clock) {
		this.suggestions = suggestions;
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${leverans.orders.reminders.announce-every:PT1H}",
			initialDelayString = "${leverans.orders.reminders.announce-after-start:PT2M}")
	void announceDue() {
		Instant since = this.clock.instant().minus(this.properties.history());
		List<UUID> customers = this.jdbc.sql("SELECT DISTINCT customer_id FROM customer_order WHERE placed_at >= ?")
			.param(Timestamp.from(since))
			.query(UUID.class)
			.list();
		int announced = 0;
		for (UUID customer : customers) {
			announced += announce(customer);
		}
		if (announced > 0) {
			logger.info("Announced {} reorder suggestion(s) due", announced);
		}
	}

	/** The customer's suggestions not announced in their cycle yet; returns how many it announced. */
	int announce(UUID customer) {
		Integer announced = this.transactions.execute((status) -> announceIn(customer));
		return (announced != null) ? announced : 0;
	}

	private int announceIn(UUID customer) {
		int announced = 0;
		Instant now = this.clock.instant();
		for (ReorderSuggestions.Suggestion due : this.suggestions.of(customer)) {
			int claimed = this.jdbc.sql("""
					INSERT INTO reorder_reminder (customer_id, site_id, sku, announced_cycle) VALUES (?, ?, ?, ?)
					ON CONFLICT (customer_id, site_id, sku) DO UPDATE SET announced_cycle = excluded.announced_cycle
					WHERE reorder_reminder.announced_cycle IS DISTINCT FROM excluded.announced_cycle""")
				.params(customer, due.siteId(), due.sku(), Date.valueOf(due.lastOrdered()))
				.update();
			if (claimed == 1) {
				this.outbox.publish(customer, UUID.randomUUID(), new ReorderDue(customer, due.siteId(), due.siteName(),
						due.sku(), due.name(), due.quantity(), due.packageSize(), due.everyDays(), due.lastOrdered(),
						due.dueOn(), now));
				announced++;
			}
		}
		return announced;
	}
}
