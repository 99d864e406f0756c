package org.leverans.notification.mail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import org.assertj.core.groups.Tuple;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leverans.contracts.validation.PaymentTerms;
import org.leverans.contracts.validation.PricedLine;
import org.leverans.contracts.validation.Totals;
import org.leverans.testsupport.infrastructure.FreePorts;
import org.leverans.testsupport.infrastructure.TestInfrastructure;
import org.leverans.testsupport.time.MovableClock;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A pass of the mail dispatcher as orders bring it under load: the confirmations of several orders due at once. On a
 * database and a mail server of its own, so no scheduled pass and no other test's e-mails share the queue, with a
 * clock of its own, so a retry comes due when the test says, and counting every statement the pass sends PostgreSQL
 * (the pass runs outside any caller's transaction: it leases in a statement of its own, then settles in one short
 * transaction).
 */
class MailPassIntegrationTest {

	private static final Instant T = Instant.parse("2026-11-22T08:00:00Z");

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final AtomicInteger statements = new AtomicInteger();

	private static GreenMail server;

	private static DataSource database;

	private static JdbcTemplate rows;

	private final MovableClock clock = MovableClock.standingAt(T);

	private final RefusingMailSender sender = new RefusingMailSender();

	private MailDispatcher dispatcher;

	@BeforeAll
	static void start() {
		server = new GreenMail(new ServerSetup(FreePorts.any(), "localhost", ServerSetup.PROTOCOL_SMTP));
		server.start();
		String url = TestInfrastructure.newDatabase("notification_mail_pass");
		Flyway.configure().dataSource(url, "postgres", "postgres").load().migrate();
		database = counted(new SimpleDriverDataSource(new org.postgresql.Driver(), url, "postgres", "postgres"));
		rows = new JdbcTemplate(database);
	}

	@AfterAll
	static void stop() {
		server.stop();
	}

	@BeforeEach
	void emptyQueue() throws Exception {
		rows.update("DELETE FROM mail_delivery");
		rows.update("DELETE FROM order_confirmation");
		server.purgeEmailFromAllMailboxes();
		this.sender.setHost("localhost");
		this.sender.setPort(server.getSmtp().getPort());
		MailSettings settings = new MailSettings(true, "Leverans <no-reply@leverans.example>", Duration.ofSeconds(5),
				5, Duration.ofSeconds(30), ZoneId.of("Europe/Helsinki"), "http://localhost:8080");
		JdbcClient jdbc = JdbcClient.create(database);
		this.dispatcher = new MailDispatcher(jdbc, new DataSourceTransactionManager(database), this.sender,
				new MailTemplates(json, settings), settings, this.clock,
				new OrderConfirmations(jdbc, json, this.clock));
	}

	@Test
	void sendsAPassOfConfirmationsWithOneReadAndOneSettlement() throws Exception {
		List<Order> small = orders(2);
		List<Long> smallPass = List.of(confirmation(small.get(0), "anna"), confirmation(small.get(1), "erik"));

		int smallPassStatements = pass(2);

		List<Order> large = orders(6);
		List<Long> largePass = new ArrayList<>();
		for (Order order : large) {
			largePass.add(confirmation(order, "orderer"));
		}
		// An order confirmed to two of its customer's people: its confirmation is read once for both.
		largePass.add(confirmation(large.getFirst(), "manager"));

		int largePassStatements = pass(7);

		// The lease, the e-mails' rows and their orders' confirmations read, the outcomes settled, and the lease that
		// finds nothing more: the same for 2 e-mails as for 7, where each e-mail read its row and its confirmation
		// and was settled by itself (3 statements an e-mail, 2 a pass).
		assertThat(smallPassStatements).isEqualTo(5);
		assertThat(largePassStatements).isEqualTo(5);
		for (Order order : concat(small, large)) {
			for (String person : order.recipients()) {
				List<MimeMessage> received = mailTo(address(order, person));
				assertThat(received).hasSize(1);
				assertThat(received.getFirst().getSubject()).isEqualTo("Order " + order.number() + " is confirmed");
				assertThat((String) received.getFirst().getContent())
					.contains("- " + order.quantity() + " bags Cement 25 kg (CEM-25KG) at 8.50 EUR: "
							+ order.total() + " EUR")
					.contains("Total: " + order.total() + " EUR")
					.contains("Payment terms: 30 days net, due Dec 22, 2026");
			}
		}
		// Delivered rows keep the end of their lease as their next_attempt_at, as before: nothing reads it any more.
		assertThat(outcomes(concat(smallPass, largePass)))
			.containsOnly(tuple("DELIVERED", 1, T, T.plusSeconds(60), null, false));
	}

	@Test
	void aMailTheServerRefusesIsRetriedLaterWhileTheOthersOfItsPassAreDelivered() throws Exception {
		List<Order> orders = orders(4);
		long delivered = confirmation(orders.get(0), "anna");
		long refused = confirmation(orders.get(1), "erik");
		long alsoDelivered = confirmation(orders.get(2), "liisa");
		// Tried four times before: the fifth and last try fails for good.
		long lastTry = confirmation(orders.get(3), "mikko");
		rows.update("UPDATE mail_delivery SET attempts = 4 WHERE id = ?", lastTry);
		this.sender.refuse(address(orders.get(1), "erik"), address(orders.get(3), "mikko"));

		int statementsOfPass = pass(4);

		// One settlement for the delivered e-mails and one for those tried again later or given up on.
		assertThat(statementsOfPass).isEqualTo(6);
		assertThat(mailTo(address(orders.get(0), "anna"))).hasSize(1);
		assertThat(mailTo(address(orders.get(2), "liisa"))).hasSize(1);
		assertThat(mailTo(address(orders.get(1), "erik"))).isEmpty();
		assertThat(outcomes(List.of(delivered, alsoDelivered)))
			.containsOnly(tuple("DELIVERED", 1, T, T.plusSeconds(60), null, false));
		assertThat(outcome(refused)).isEqualTo(tuple("PENDING", 1, null, T.plusSeconds(30), "550 mailbox unavailable",
				false));
		assertThat(outcome(lastTry)).isEqualTo(tuple("FAILED", 5, null, T, "550 mailbox unavailable", false));

		this.sender.refuse();
		assertThat(pass()).isZero();
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(pass()).isEqualTo(1);

		assertThat(mailTo(address(orders.get(1), "erik"))).hasSize(1);
		assertThat((String) mailTo(address(orders.get(1), "erik")).getFirst().getContent())
			.contains("Total: " + orders.get(1).total() + " EUR");
		assertThat(outcome(refused))
			.isEqualTo(tuple("DELIVERED", 2, T.plusSeconds(30), T.plusSeconds(30 + 60), null, false));
		// Nobody else got a second e-mail, and the one given up on stays so.
		assertThat(mailTo(address(orders.get(0), "anna"))).hasSize(1);
		assertThat(outcome(lastTry)).isEqualTo(tuple("FAILED", 5, null, T, "550 mailbox unavailable", false));
	}

	@Test
	void aRedeliveryThatFailsLeavesEachMessageAsItWasWhileAnotherIsDelivered() {
		List<Order> orders = orders(3);
		long wasDelivered = confirmation(orders.get(0), "anna");
		long wasFailed = confirmation(orders.get(1), "erik");
		long redelivered = confirmation(orders.get(2), "liisa");
		Timestamp earlier = Timestamp.from(T.minus(Duration.ofHours(1)));
		rows.update("""
				UPDATE mail_delivery SET attempts = 1, delivered_at = ?, redelivery_requested_at = ?
				WHERE id IN (?, ?)""", earlier, Timestamp.from(T), wasDelivered, redelivered);
		rows.update("""
				UPDATE mail_delivery SET attempts = 5, last_error = 'timeout', redelivery_requested_at = ?
				WHERE id = ?""", Timestamp.from(T), wasFailed);
		this.sender.refuse(address(orders.get(0), "anna"), address(orders.get(1), "erik"));

		// One settlement for the delivered e-mail and one for the redeliveries that failed.
		assertThat(pass(3)).isEqualTo(6);

		assertThat(outcome(wasDelivered)).isEqualTo(tuple("DELIVERED", 2, earlier.toInstant(), T.plusSeconds(60),
				"550 mailbox unavailable", false));
		assertThat(outcome(wasFailed)).isEqualTo(tuple("FAILED", 6, null, T.plusSeconds(60),
				"550 mailbox unavailable", false));
		assertThat(outcome(redelivered)).isEqualTo(tuple("DELIVERED", 2, T, T.plusSeconds(60), null, false));
	}

	/** One pass, as the schedule runs it, and the statements it sent. */
	private int pass(int expectedTries) {
		statements.set(0);
		assertThat(this.dispatcher.sendDue()).isEqualTo(expectedTries);
		return statements.get();
	}

	private int pass() {
		return this.dispatcher.sendDue();
	}

	/** Orders accepted with a line and totals each their own, as OrderConfirmations keeps them. */
	private static List<Order> orders(int count) {
		List<Order> orders = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			UUID orderId = UUID.randomUUID();
			int quantity = 10 * i;
			String total = new BigDecimal("8.50").multiply(BigDecimal.valueOf(quantity)).setScale(2).toPlainString();
			PricedLine line = new PricedLine(1, "CEM-25KG", "Cement 25 kg", "CEMENT", "BAG", quantity, "25KG",
					UUID.randomUUID(), new BigDecimal("9.90"), new BigDecimal("8.50"), new BigDecimal(total), null);
			rows.update("""
					INSERT INTO order_confirmation (order_id, lines, totals, payment_terms, updated_at)
					VALUES (?, ?, ?, ?, ?)""", orderId, json.writeValueAsString(List.of(line)),
					json.writeValueAsString(new Totals(new BigDecimal(total), BigDecimal.ZERO, new BigDecimal(total),
							"EUR")),
					json.writeValueAsString(new PaymentTerms("NET_30", 30, LocalDate.parse("2026-12-22"))),
					Timestamp.from(T));
			orders.add(new Order(orderId, "LV-" + orderId.toString().substring(0, 6), quantity, total,
					new ArrayList<>()));
		}
		return orders;
	}

	/** The order's confirmation queued for one of its customer's people, due now, as the mail planner queues it. */
	private static long confirmation(Order order, String person) {
		order.recipients().add(person);
		String data = json.writeValueAsString(Map.of("orderId", order.id().toString(), "orderNumber", order.number(),
				"status", "ACCEPTED", "occurredAt", T.toString()));
		return rows.queryForObject("""
				INSERT INTO mail_delivery (subject, recipient, locale, event_name, data, status, next_attempt_at,
				                           created_at)
				VALUES (?, ?, 'en', 'order.status-changed', ?, 'PENDING', ?, ?) RETURNING id""", Long.class,
				person + "-" + order.id(), address(order, person), data, Timestamp.from(T), Timestamp.from(T));
	}

	private static String address(Order order, String person) {
		return person + "." + order.id() + "@rakennus.example";
	}

	private static List<MimeMessage> mailTo(String address) {
		return Arrays.stream(server.getReceivedMessages()).filter(message -> {
			try {
				return Arrays.stream(message.getAllRecipients()).anyMatch(to -> to.toString().equals(address));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	/** status, attempts, delivered_at, next_attempt_at, last_error, whether a redelivery is still asked for */
	private static Tuple outcome(long id) {
		return rows.queryForObject("""
				SELECT status, attempts, delivered_at, next_attempt_at, last_error, redelivery_requested_at IS NOT NULL
				FROM mail_delivery WHERE id = ?""", (rs, n) -> tuple(rs.getString(1), rs.getInt(2),
				instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4)), rs.getString(5), rs.getBoolean(6)), id);
	}

	private static List<Tuple> outcomes(List<Long> ids) {
		return ids.stream().map(MailPassIntegrationTest::outcome).toList();
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static <E> List<E> concat(List<E> first, List<E> second) {
		List<E> both = new ArrayList<>(first);
		both.addAll(second);
		return both;
	}

	/** Counts the statements prepared on any of the data source's connections, in a transaction or not. */
	private static DataSource counted(DataSource target) {
		Set<String> preparing = Set.of("prepareStatement", "createStatement", "prepareCall");
		return new DelegatingDataSource(target) {

			@Override
			public Connection getConnection() throws java.sql.SQLException {
				Connection connection = super.getConnection();
				return (Connection) Proxy.newProxyInstance(MailPassIntegrationTest.class.getClassLoader(),
						new Class<?>[] { Connection.class }, (proxy, method, args) -> {
							if (preparing.contains(method.getName())) {
								statements.incrementAndGet();
							}
							try {
								return method.invoke(connection, args);
							}
							catch (InvocationTargetException failure) {
								throw failure.getCause();
							}
						});
			}
		};
	}

	private record Order(UUID id, String number, int quantity, String total, List<String> recipients) {
	}

	/**
	 * The mail server, refusing the addresses a test names as a real one refuses an unknown mailbox: the e-mails to
	 * the others on the same connection still go, and the refused ones come back with the server's reason.
	 */
	private static final class RefusingMailSender extends JavaMailSenderImpl {

		private final Set<String> refused = ConcurrentHashMap.newKeySet();

		void refuse(String... addresses) {
			this.refused.clear();
			this.refused.addAll(List.of(addresses));
		}

		@Override
		public void send(MimeMessage... messages) {
			Map<Object, Exception> failed = new LinkedHashMap<>();
			List<MimeMessage> accepted = new ArrayList<>();
			for (MimeMessage message : messages) {
				if (refused(message)) {
					failed.put(message, new SendFailedException("550 mailbox unavailable"));
				}
				else {
					accepted.add(message);
				}
			}
			if (!accepted.isEmpty()) {
				super.send(accepted.toArray(MimeMessage[]::new));
			}
			if (!failed.isEmpty()) {
				throw new MailSendException(failed);
			}
		}

		private boolean refused(MimeMessage message) {
			try {
				return Arrays.stream(message.getAllRecipients()).anyMatch(to -> this.refused.contains(to.toString()));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}
}
