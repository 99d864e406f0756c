package org.leverans.billing.invoicing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.leverans.billing.testing.BillingServiceIntegrationTest;
import org.leverans.contracts.billing.CreditNoteIssued;
import org.leverans.contracts.billing.InvoiceIssued;
import org.leverans.contracts.billing.InvoiceOverdue;
import org.leverans.contracts.shipment.ShipmentUpdated;
import org.leverans.testsupport.events.EventProducer;
import org.leverans.testsupport.infrastructure.CountedStatements;

import org.leverans.testsupport.security.TestCaller;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class InvoicingIntegrationTest extends BillingServiceIntegrationTest {

	@Autowired
	Invoices invoices;

	@Autowired
	Invoicing invoicing;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DataSource dataSource;

	@Autowired
	ScheduledBilling scheduled;

	@Test
	void invoicesADeliveredShipmentAtTheAgreedPricesWithVatByCountryAndGroupAndDueByThePaymentTerms() {
		TestOrder order = newOrder("AG-1", "FI", "95.00", new Line("CEM", "CEMENT", 40, "8.40"),
				new Line("COFFEE", "FOOD", 10, "5.00"));
		accept(order);
		UUID shipment = plan(order, 1, 1, 40, 2, 10);
		deliver(order, shipment, 1);

		Invoice invoice = this.invoices.find(awaitInvoices(order.customerId(), 1).get(0)).orElseThrow();

		assertThat(invoice.net()).isEqualByComparingTo("481.00");
		// 25.5 % of 336.00 + 95.00 (109.905, rounded half-even as every amount) and 14 % of 50.00
		assertThat(invoice.vatBreakdown()).extracting(VatBreakdown::rate, VatBreakdown::taxable, VatBreakdown::tax)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(new BigDecimal("14"), new BigDecimal("50.00"),
					new BigDecimal("7.00")),
					org.assertj.core.groups.Tuple.tuple(new BigDecimal("25.5"), new BigDecimal("431.00"),
							new BigDecimal("109.90")));
		assertThat(invoice.total()).isEqualByComparingTo("597.90");
		assertThat(invoice.dueDate()).isEqualTo(invoice.issueDate().plusDays(30));
		assertThat(invoice.language()).isEqualTo("fi");
		assertThat(invoice.customerName()).isEqualTo("Test Customer Oy");
		assertThat(RfReference.isValid(invoice.reference())).isTrue();
		assertThat(invoice.lines()).extracting(InvoiceLine::placedBy).containsOnly("anna");

		InvoiceIssued issued = event(order.customerId(), InvoiceIssued.class);
		assertThat(issued.invoiceNumber()).isEqualTo(invoice.number());
		assertThat(issued.orders()).singleElement().satisfies(charged -> {
			assertThat(charged.orderId()).isEqualTo(order.orderId());
			assertThat(charged.net()).isEqualByComparingTo(order.accepted().totals().total());
			assertThat(charged.complete()).isTrue();
		});
	}

	@Test
	void invoicesEachShipmentOfASplitOrderWithItsShareOfTheFreightAddingUpToTheOrder() {
		TestOrder order = newOrder("AG-1", "SE", "100.00", new Line("A", "CEMENT", 3, "33.33"),
				new Line("B", "CEMENT", 3, "66.67"));
		accept(order);
		UUID first = plan(order, 2, 1, 3);
		UUID second = plan(order, 2, 2, 3);
		deliver(order, first, 2);
		awaitInvoices(order.customerId(), 1);
		deliver(order, second, 2);

		List<Invoice> issued = awaitInvoices(order.customerId(), 2).stream()
			.map(id -> this.invoices.find(id).orElseThrow())
			.toList();

		assertThat(issued).extracting(Invoice::net).extracting(BigDecimal::toPlainString)
			.containsExactly("133.32", "266.68");
		assertThat(issued.get(0).language()).isEqualTo("sv");
		await().until(() -> events(order.customerId(), InvoiceIssued.class).size() == 2);
		assertThat(events(order.customerId(), InvoiceIssued.class)).extracting(e -> e.orders().get(0).complete())
			.containsExactly(false, true);
	}

	@Test
	void takesAnOrdersFactsFromTheStatementThatWritesThemWhenItsValidationAndAcceptanceCome() {
		TestOrder order = newOrder("AG-1", "FI", "95.00", new Line("CEM", "CEMENT", 40, "8.40"));

		int statements = CountedStatements.of(this.transactions, this.dataSource, () -> {
			this.invoicing.validated(validated(order));
			this.invoicing.accepted(order.accepted());
		});

		// Each event's own upsert, which returns the order locked, and once the order is ready its delivered
		// shipments: three. Locking and reading the order again after each upsert was two more.
		assertThat(statements).isEqualTo(3);
		assertThat(this.jdbc.queryForObject(
				"SELECT agreement_number || ' ' || (accepted IS NOT NULL) FROM billed_order WHERE order_id = ?",
				String.class, order.orderId())).isEqualTo("AG-1 true");
	}

	@Test
	void waitsForTheOrderWhenTheDeliveryArrivesFirst() {
		TestOrder order = newOrder("AG-1", "FI", "0.00", new Line("A", "CEMENT", 1, "10.00"));
		UUID shipment = plan(order, 1, 1, 1);
		deliver(order, shipment, 1);
		await().during(java.time.Duration.ofMillis(500)).until(() -> invoiceIds(order.customerId()).isEmpty());

		accept(order);

		assertThat(awaitInvoices(order.customerId(), 1)).hasSize(1);
	}

	@Test
	void invoicesAMonthlyAgreementsShipmentsNotOnDeliveryButInTheMonthsCollectiveInvoice() {
		// AG-1 is not configured monthly: the rule comes from the orders' OrderValidated alone.
		TestOrder first = newOrder("AG-1", "FI", "10.00", new Line("A", "CEMENT", 1, "100.00")).monthly();
		TestOrder sameCustomer = sameCustomer(newOrder("AG-1", "FI", "0.00", new Line("B", "CEMENT", 2, "50.00"))
			.monthly(), first);
		YearMonth lastMonth = YearMonth.now(ZoneId.of("Europe/Helsinki")).minusMonths(1);
		deliverInMonthAndAwaitWhatBillingKnows(lastMonth, first, sameCustomer);
		assertThat(invoiceIds(first.customerId())).as("nothing invoiced on delivery").isEmpty();

		List<Invoice> run = this.invoicing.invoiceMonth(lastMonth);
		List<Invoice> again = this.invoicing.invoiceMonth(lastMonth);

		List<UUID> ids = invoiceIds(first.customerId());
		assertThat(ids).hasSize(1);
		assertThat(run).extracting(Invoice::id).contains(ids.get(0));
		assertThat(again).extracting(Invoice::customerId).doesNotContain(first.customerId());
		Invoice collective = this.invoices.find(ids.get(0)).orElseThrow();
		assertThat(collective.net()).isEqualByComparingTo("210.00");
		assertThat(collective.lines()).extracting(InvoiceLine::orderId).contains(first.orderId(),
				sameCustomer.orderId());
	}

	@Test
	void invoicesOnDeliveryWhenTheOrderSaysPerShipmentWhateverTheConfigurationSays() {
		TestOrder order = newOrder("AG-MONTHLY", "FI", "0.00", new Line("A", "CEMENT", 1, "10.00"));
		accept(order);
		deliver(order, plan(order, 1, 1, 1), 1);

		assertThat(awaitInvoices(order.customerId(), 1)).hasSize(1);
	}

	@Test
	void fallsBackToTheConfiguredRuleForAnOrderValidatedBeforeTheRuleTravelledWithIt() {
		TestOrder configuredMonthly = newOrder("AG-MONTHLY", "FI", "0.00", new Line("A", "CEMENT", 1, "40.00"))
			.withoutRule();
		TestOrder byDefault = newOrder("AG-1", "FI", "0.00", new Line("A", "CEMENT", 1, "10.00")).withoutRule();
		YearMonth lastMonth = YearMonth.now(ZoneId.of("Europe/Helsinki")).minusMonths(1);
		deliverInMonthAndAwaitWhatBillingKnows(lastMonth, configuredMonthly, byDefault);

		assertThat(awaitInvoices(byDefault.customerId(), 1)).as("the default rule: per shipment").hasSize(1);
		assertThat(invoiceIds(configuredMonthly.customerId())).isEmpty();
		this.invoicing.invoiceMonth(lastMonth);
		assertThat(invoiceIds(configuredMonthly.customerId())).hasSize(1);
	}

	/** Accepts and delivers the orders in the middle of {@code month}; returns once billing has taken it all in. */
	private void deliverInMonthAndAwaitWhatBillingKnows(YearMonth month, TestOrder... orders) {
		Instant inMonth = month.atDay(15).atStartOfDay(ZoneId.of("Europe/Helsinki")).toInstant();
		List<UUID> ids = new ArrayList<>();
		for (TestOrder order : orders) {
			accept(order);
			deliver(order, plan(order, 1, 1, order.accepted().lines().get(0).quantity()), 1, inMonth);
			ids.add(order.orderId());
		}
		// Each of these facts is written in the transaction that decides whether to invoice on delivery.
		await().until(() -> ids.stream().allMatch(id -> this.jdbc.queryForObject("""
				SELECT count(*) FROM billed_shipment s JOIN billed_order o ON o.order_id = s.order_id
				WHERE s.order_id = ? AND s.delivered_at IS NOT NULL AND o.accepted IS NOT NULL
				  AND o.agreement_number IS NOT NULL""", Integer.class, id) == 1));
	}

	@Test
	void creditsAReturnedShipmentAndTakesItOffWhatIsOwed() {
		TestOrder order = newOrder("AG-1", "FI", "0.00", new Line("A", "CEMENT", 2, "100.00"));
		accept(order);
		UUID shipment = plan(order, 1, 1, 2);
		deliver(order, shipment, 1);
		UUID invoiceId = awaitInvoices(order.customerId(), 1).get(0);

		ShipmentUpdated returned = new ShipmentUpdated(shipment, order.orderId(), order.customerId(), order.siteId(),
				"nordic-freight", "NF1", "RETURNED", "RETURNED", Instant.now(), null);
		new EventProducer(this.json).publish(order.orderId(), returned);
		new EventProducer(this.json).publish(order.orderId(), returned);

		await().until(() -> this.invoices.find(invoiceId).orElseThrow().status() == Invoice.Status.CREDITED);
		CreditNoteIssued note = event(order.customerId(), CreditNoteIssued.class);
		assertThat(note.invoiceId()).isEqualTo(invoiceId);
		assertThat(note.total()).isEqualByComparingTo("251.00");
		assertThat(note.openAmount()).isEqualByComparingTo("0");
		assertThat(note.creditNoteNumber()).startsWith("CN-");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM invoice WHERE credits_invoice_id = ?", Integer.class,
				invoiceId)).isEqualTo(1);
	}

	@Test
	void creditsPartOfALineByHandAndNeverMoreThanItCharged() throws Exception {
		TestOrder order = newOrder("AG-1", "FI", "0.00", new Line("A", "CEMENT", 3, "10.00"));
		accept(order);
		deliver(order, plan(order, 1, 1, 3), 1);
		UUID invoiceId = awaitInvoices(order.customerId(), 1).get(0);
		TestCaller admin = TestCaller.admin("admin");

		this.mvc.perform(post("/api/admin/billing/invoices/{id}/credit-notes", invoiceId).with(as(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"One bag broken\",\"lines\":[{\"lineNo\":1,\"quantity\":1}]}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.net").value("10.00"))
			.andExpect(jsonPath("$.total").value("12.55"));
		this.mvc.perform(post("/api/admin/billing/invoices/{id}/credit-notes", invoiceId).with(as(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"Too much\",\"lines\":[{\"lineNo\":1,\"quantity\":3},{\"lineNo\":9,"
					+ "\"quantity\":1}]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(2));
		this.mvc.perform(post("/api/admin/billing/invoices/{id}/credit-notes", UUID.randomUUID()).with(as(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"x\",\"lines\":[{\"lineNo\":1,\"quantity\":1}]}"))
			.andExpect(status().isNotFound());

		Invoice invoice = this.invoices.find(invoiceId).orElseThrow();
		assertThat(invoice.credited()).isEqualByComparingTo("12.55");
		assertThat(invoice.open()).isEqualByComparingTo("25.10");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM invoice WHERE credits_invoice_id = ?",
				Integer.class, invoiceId)).isEqualTo(1);
	}

	@Test
	void reportsAnInvoiceUnpaidPastItsDueDateOnceAndNotOneThatIsPaid() {
		TestOrder late = newOrder("AG-1", "FI", "0.00", new Line("A", "CEMENT", 1, "10.00"));
		TestOrder paid = newOrder("AG-1", "FI", "0.00", new Line("A", "CEMENT", 1, "10.00"));
		for (TestOrder order : List.of(late, paid)) {
			accept(order);
			deliver(order, plan(order, 1, 1, 1), 1);
		}
		UUID lateInvoice = awaitInvoices(late.customerId(), 1).get(0);
		UUID paidInvoice = awaitInvoices(paid.customerId(), 1).get(0);
		LocalDate monthAgo = LocalDate.now(ZoneId.of("Europe/Helsinki")).minusDays(30);
		this.jdbc.update("UPDATE invoice SET due_date = ? WHERE id IN (?, ?)", monthAgo, lateInvoice, paidInvoice);
		this.jdbc.update("UPDATE invoice SET paid = total, status = 'PAID' WHERE id = ?", paidInvoice);

		this.scheduled.reportOverdueBatch();
		this.scheduled.reportOverdueBatch();

		await().until(() -> !events(late.customerId(), InvoiceOverdue.class).isEmpty());
		await().during(java.time.Duration.ofMillis(500))
			.until(() -> events(late.customerId(), InvoiceOverdue.class).size() == 1);
		InvoiceOverdue overdue = events(late.customerId(), InvoiceOverdue.class).get(0);
		assertThat(overdue.invoiceId()).isEqualTo(lateInvoice);
		assertThat(overdue.daysOverdue()).isEqualTo(30);
		assertThat(overdue.openAmount()).isEqualByComparingTo("12.55");
		assertThat(events(paid.customerId(), InvoiceOverdue.class)).isEmpty();
	}

	@Test
	void numbersHaveNoGapsAndNoDoublesWhenIssuedConcurrentlyAndSomeRollBack() throws Exception {
		String series = "TEST-" + UUID.randomUUID();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Long>> takes = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				boolean rollBack = i % 5 == 0;
				takes.add(() -> this.transactions.execute(status -> {
					long number = this.invoices.nextNumber(series);
					if (rollBack) {
						status.setRollbackOnly();
						return null;
					}
					return number;
				}));
			}
			List<Long> kept = new ArrayList<>();
			for (Future<Long> take : pool.invokeAll(takes)) {
				if (take.get() != null) {
					kept.add(take.get());
				}
			}
			assertThat(kept).hasSize(32).doesNotHaveDuplicates();
			assertThat(kept.stream().sorted().toList())
				.isEqualTo(java.util.stream.LongStream.rangeClosed(1, 32).boxed().toList());
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void appliesARedeliveredShipmentEventOnce() {
		TestOrder order = newOrder("AG-1", "FI", "0.00", new Line("A", "CEMENT", 1, "10.00"));
		accept(order);
		UUID shipment = plan(order, 1, 1, 1);
		deliver(order, shipment, 1);
		deliver(order, shipment, 1);
		awaitInvoices(order.customerId(), 1);

		await().during(java.time.Duration.ofMillis(500)).until(() -> invoiceIds(order.customerId()).size() == 1);
	}

	private TestOrder sameCustomer(TestOrder order, TestOrder customerOf) {
		var a = order.accepted();
		var accepted = new org.leverans.contracts.order.OrderAccepted(a.orderId(), a.orderNumber(),
				customerOf.customerId(), a.purchaseOrderNumber(), a.deliveryMode(), a.requestedDelivery(), a.lines(),
				customerOf.accepted().sites(), a.totals(), a.acceptedAt(), a.paymentTerms(), a.freightTermsCode());
		return new TestOrder(accepted, order.agreementNumber(), customerOf.siteId(), order.invoicingRule());
	}

	private <T> T event(UUID customerId, Class<T> type) {
		await().until(() -> !events(customerId, type).isEmpty());
		return events(customerId, type).get(0);
	}

	private <T> List<T> events(UUID customerId, Class<T> type) {
		String name = type.getAnnotation(org.leverans.contracts.EventContract.class).type();
		return billingEvents.received(customerId)
			.stream()
			.filter(event -> event.type().equals(name))
			.map(event -> this.json.treeToValue(event.body(), type))
			.toList();
	}
}
