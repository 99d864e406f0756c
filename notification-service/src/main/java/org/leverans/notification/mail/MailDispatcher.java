package org.leverans.notification.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends planned e-mails. Each instance claims due ones with {@code FOR UPDATE SKIP LOCKED}, so an e-mail is handed
 * to the mail server by one instance; a failure is retried with doubling waits, then the e-mail is marked FAILED
 * (and stays visible in {@code mail_delivery}).
 */
@Component
class MailDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(MailDispatcher.class);

	private static final int BATCH = 20;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final JavaMailSender mailSender;

	private final MailTemplates templates;

	private final MailSettings settings;

	private final Clock clock;

	private final OrderConfirmations confirmations;

	MailDispatcher(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, JavaMailSender mailSender,
			MailTemplates templates, MailSettings settings, Clock clock, OrderConfirmations confirmations) {
		this.jdbc = jdbc;
		this.confirmations = confirmations;
		this.transactions = new TransactionTemplate(transactionManager);
		this.mailSender = mailSender;
		this.templates = templates;
		this.settings = settings;
		this.clock = clock;
	}

	/** @return how many e-mails this pass tried */
	int sendDue() {
		Integer tried = this.transactions.execute(status -> {
			Instant now = this.clock.instant();
			List<Delivery> due = this.jdbc.query("""
					SELECT id, recipient, locale, event_name, data, attempts FROM mail_delivery
					WHERE status = 'PENDING' AND next_attempt_at <= ?
					ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""",
					(rs, n) -> new Delivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getString(5), rs.getInt(6)),
					Timestamp.from(now), BATCH);
			for (Delivery delivery : due) {
				send(delivery, now);
			}
			return due.size();
		});
		return (tried != null) ? tried : 0;
	}

	private void send(Delivery delivery, Instant now) {
		try {
			MailMessage mail = this.templates.render(delivery.eventName(), delivery.data(), delivery.locale(),
					this.confirmations::find);
			MimeMessage message = this.mailSender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
			helper.setFrom(this.settings.from());
			helper.setTo(delivery.recipient());
			helper.setSubject(mail.subject());
			helper.setText(mail.body());
			this.mailSender.send(message);
			this.jdbc.update("UPDATE mail_delivery SET status = 'SENT', attempts = attempts + 1, sent_at = ?, "
					+ "last_error = NULL WHERE id = ?", Timestamp.from(now), delivery.id());
		}
		catch (MessagingException | RuntimeException ex) {
			int attempts = delivery.attempts() + 1;
			boolean giveUp = attempts >= this.settings.maxAttempts();
			Duration wait = this.settings.retryInterval().multipliedBy(1L << Math.min(attempts - 1, 16));
			this.jdbc.update("UPDATE mail_delivery SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ? "
					+ "WHERE id = ?", giveUp ? "FAILED" : "PENDING", attempts, Timestamp.from(now.plus(wait)),
					String.valueOf(ex.getMessage()), delivery.id());
			if (giveUp) {
				logger.error("Giving up e-mail {} to {} after {} attempts", delivery.id(), delivery.recipient(),
						attempts, ex);
			}
			else {
				logger.warn("E-mail {} to {} failed (attempt {}), retrying in {}: {}", delivery.id(),
						delivery.recipient(), attempts, wait, ex.getMessage());
			}
		}
	}

	private record Delivery(long id, String recipient, String locale, String eventName, String data, int attempts) {
	}
}
