package org.leverans.notification.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.leverans.notification.channel.Attempt;
import org.leverans.notification.channel.Dispatcher;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import static org.leverans.notification.PostgresArrays.literal;

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

	/** E-mails handed over on one connection: a confirmation per order is a connection per order otherwise. */
	private static final int SENT_TOGETHER = 20;

	/** The system property by which Jakarta Mail finds its stream provider before looking for one on the class path. */
	static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	static {
		// Jakarta Mail 2.1 looks its stream provider up with a ServiceLoader for every part it encodes
		// (jakartaee/mail-api#861), scanning every jar nested in the Boot jar: a fifth of this service's profile
		// samples at 20 orders/s, though the benchmark could not tell its saving from the noise (docs/performance.md).
		// Named, the provider is loaded by name instead; Angus Mail is the implementation we ship.
		if (System.getProperty(STREAM_PROVIDER) == null) {
			System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
		}
	}

	private final JdbcClient jdbc;

	private final JavaMailSender mailSender;

	private final MailTemplates templates;

	private final MailSettings settings;

	private final OrderConfirmations confirmations;

	MailDispatcher(JdbcClient jdbc, PlatformTransactionManager transactionManager, JavaMailSender mailSender,
			MailTemplates templates, MailSettings settings, Clock clock, OrderConfirmations confirmations) {
		super("mail_delivery", "TRUE", SEND_TIMEOUT, SENT_TOGETHER, settings.retryPolicy(), jdbc, transactionManager,
				clock);
		this.jdbc = jdbc;
		this.mailSender = mailSender;
		this.templates = templates;
		this.settings = settings;
		this.confirmations = confirmations;
	}

	@Override
	protected Optional<Mail> load(long id) {
		return Optional.ofNullable(loadAll(List.of(id)).get(id));
	}

	/** The e-mails of a lease, in one statement. */
	@Override
	protected Map<Long, Mail> loadAll(List<Long> ids) {
		Map<Long, Mail> found = new HashMap<>();
		this.jdbc.sql("SELECT id, recipient, locale, event_name, data FROM mail_delivery WHERE id = ANY(?::bigint[])")
			.params(literal(ids))
			.query((RowCallbackHandler) rs -> found.put(rs.getLong(1), new Mail(rs.getLong(1), rs.getString(2),
					rs.getString(3), rs.getString(4), rs.getString(5))));
		return found;
	}

	@Override
	protected Attempt send(Mail mail) {
		return sendAll(List.of(mail)).getFirst();
	}

	/** Every e-mail that renders goes to the mail server over one connection; each has its own outcome. */
	@Override
	protected List<Attempt> sendAll(List<Mail> mails) {
		Instant start = now();
		Function<UUID, Optional<OrderConfirmation>> confirmations = confirmations(mails);
		Map<Mail, String> errors = new HashMap<>();
		Map<MimeMessage, Mail> messages = new LinkedHashMap<>();
		for (Mail mail : mails) {
			try {
				messages.put(message(mail, confirmations), mail);
			}
			catch (MessagingException | RuntimeException ex) {
				errors.put(mail, String.valueOf(ex.getMessage()));
			}
		}
		if (!messages.isEmpty()) {
			try {
				this.mailSender.send(messages.keySet().toArray(MimeMessage[]::new));
			}
			catch (MailSendException ex) {
				Map<Object, Exception> failed = ex.getFailedMessages();
				for (Map.Entry<MimeMessage, Mail> sent : messages.entrySet()) {
					Exception failure = failed.isEmpty() ? ex : failed.get(sent.getKey());
					if (failure != null) {
						errors.put(sent.getValue(), String.valueOf(failure.getMessage()));
					}
				}
			}
			catch (RuntimeException ex) {
				messages.values().forEach(mail -> errors.put(mail, String.valueOf(ex.getMessage())));
			}
		}
		Instant end = now();
		List<Attempt> attempts = new ArrayList<>(mails.size());
		for (Mail mail : mails) {
			String error = errors.get(mail);
			attempts.add((error == null) ? Attempt.answered(start, end, null, null, Optional.empty())
					: Attempt.unanswered(start, end, error));
		}
		return attempts;
	}

	/**
	 * What the order confirmations among the e-mails list, read for all of them in one statement: nearly every e-mail
	 * of a busy pass confirms an order. Should the read fail, each confirmation fails with it and is tried again
	 * later, as when each read its own, and the other e-mails still go.
	 */
	private Function<UUID, Optional<OrderConfirmation>> confirmations(List<Mail> mails) {
		Set<UUID> orderIds = new HashSet<>();
		for (Mail mail : mails) {
			try {
				this.templates.confirmedOrder(mail.eventName(), mail.data()).ifPresent(orderIds::add);
			}
			catch (RuntimeException ex) {
				// Data that does not read fails its e-mail as it is rendered.
			}
		}
		try {
			Map<UUID, OrderConfirmation> found = this.confirmations.findAll(orderIds);
			return orderId -> Optional.ofNullable(found.get(orderId));
		}
		catch (RuntimeException ex) {
			return orderId -> {
				throw ex;
			};
		}
	}

	private MimeMessage message(Mail mail, Function<UUID, Optional<OrderConfirmation>> confirmations)
			throws MessagingException {
		MailMessage rendered = this.templates.render(mail.eventName(), mail.data(), mail.locale(), confirmations);
		MimeMessage message = this.mailSender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
		helper.setFrom(this.settings.from());
		helper.setTo(mail.recipient());
		helper.setSubject(rendered.subject());
		helper.setText(rendered.body());
		return message;
	}

	@Override
	protected String describe(Mail mail) {
		return "e-mail " + mail.id() + " to " + mail.recipient();
	}

	record Mail(long id, String recipient, String locale, String eventName, String data) {
	}
}
