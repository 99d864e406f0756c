package org.leverans.notification.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.leverans.notification.channel.Attempt;
import org.leverans.notification.channel.Dispatcher;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Hands planned e-mails to the mail server, by the channels' one lease and retry rule ({@link Dispatcher}): a
 * failure is retried with doubling waits, then the e-mail is marked FAILED (and stays visible in
 * {@code mail_delivery}).
 */
@Component
class MailDispatcher extends Dispatcher<MailDispatcher.Mail> {

	/**
	 * The longest handing one e-mail to the mail server may take: well above the connection, read and write
	 * time-outs of {@code spring.mail.properties.mail.smtp.*} (5 s each).
	 */
	private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

	private final JdbcClient jdbc;

	private final JavaMailSender mailSender;

	private final MailTemplates templates;

	private final MailSettings settings;

	private final OrderConfirmations confirmations;

	MailDispatcher(JdbcClient jdbc, PlatformTransactionManager transactionManager, JavaMailSender mailSender,
			MailTemplates templates, MailSettings settings, Clock clock, OrderConfirmations confirmations) {
		super("mail_delivery", "TRUE", SEND_TIMEOUT, settings.retryPolicy(), jdbc, transactionManager, clock);
		this.jdbc = jdbc;
		this.mailSender = mailSender;
		this.templates = templates;
		this.settings = settings;
		this.confirmations = confirmations;
	}

	@Override
	protected Optional<Mail> load(long id) {
		return this.jdbc.sql("SELECT id, recipient, locale, event_name, data FROM mail_delivery WHERE id = ?")
			.params(id)
			.query((rs, n) -> new Mail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.optional();
	}

	@Override
	protected Attempt send(Mail mail) {
		Instant start = now();
		try {
			MailMessage rendered = this.templates.render(mail.eventName(), mail.data(), mail.locale(),
					this.confirmations::find);
			MimeMessage message = this.mailSender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
			helper.setFrom(this.settings.from());
			helper.setTo(mail.recipient());
			helper.setSubject(rendered.subject());
			helper.setText(rendered.body());
			this.mailSender.send(message);
			return Attempt.answered(start, now(), null, null, Optional.empty());
		}
		catch (MessagingException | RuntimeException ex) {
			return Attempt.unanswered(start, now(), String.valueOf(ex.getMessage()));
		}
	}

	@Override
	protected String describe(Mail mail) {
		return "e-mail " + mail.id() + " to " + mail.recipient();
	}

	record Mail(long id, String recipient, String locale, String eventName, String data) {
	}
}
