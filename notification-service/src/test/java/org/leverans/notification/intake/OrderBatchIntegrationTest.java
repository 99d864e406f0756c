package org.leverans.notification.intake;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.leverans.contracts.Reason;
import org.leverans.contracts.agreement.AgreementActivated;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.contracts.order.OrderAccepted;
import org.leverans.contracts.order.OrderCancelled;
import org.leverans.contracts.validation.DeliverySite;
import org.leverans.contracts.validation.PricedLine;
import org.leverans.contracts.validation.Totals;
import org.leverans.notification.IntegrationTest;
import org.leverans.notification.TestEvents;
import org.leverans.testsupport.events.CloudEventRecord;
import org.leverans.testsupport.infrastructure.CountedStatements;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Order events as a poll batch brings them under load: several orders placed and accepted, applied in one
 * transaction by every feature that takes them (the live stream's rows, the order confirmations).
 */
class OrderBatchIntegrationTest extends IntegrationTest {

	private static final Instant T = Instant.parse("2026-11-22T08:00:00Z");

	@Autowired
	private EventIntake intake;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private JsonMapper json;

	private long offset;

	@Test
	void writesABatchsKnownOrdersInOneStatementAndReadsTheirSitesInOne() {
		Customer customer = new Customer();
		List<UUID> orders = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
		List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
		orders.forEach(orderId -> batch.add(record(orderId, TestEvents.placed(orderId, customer.id, customer.site))));
		orders.forEach(orderId -> batch.add(record(orderId, accepted(orderId, customer.id, customer.site,
				customer.secondSite))));

		int statements = CountedStatements.of(new TransactionTemplate(this.transactionManager), this.dataSource,
				() -> this.intake.on(batch));

		// The inbox remembering the batch for the two features that take order events and an order confirmation
		// per accepted order, then as the transaction commits: the orders remembered, their sites added and read,
		// the stream's append lock taken and its rows written. Event by event it was 25 for these 6 (7 per order
		// and 4 per batch, now 1 and 7): each event remembered its order, and each row wrote the sites added so far
		// and read its order's back.
		assertThat(statements).isEqualTo(10);
		assertThat(knownOrders(orders)).containsOnly(orders.stream()
			.map(orderId -> tuple(orderId, TestEvents.number(orderId), customer.id))
			.toArray(Tuple[]::new));
		// A placed order's row shows the sites its acceptance in the same batch validated too (KnownOrders.sitesOf).
		List<Row> rows = new ArrayList<>();
		for (String status : List.of("PLACED", "ACCEPTED")) {
			orders.forEach(orderId -> rows.add(new Row(orderId, status, TestEvents.number(orderId),
					Set.of(customer.site, customer.secondSite))));
		}
		assertThat(statusRows(customer.id)).containsExactlyElementsOf(rows);
	}

	@Test
	void neverAddsASiteTheCustomersAgreementDoesNotNameWhatElseTheBatchAdds() {
		Customer customer = new Customer();
		Customer other = new Customer();
		UUID ownOrder = UUID.randomUUID();
		UUID crossingOrder = UUID.randomUUID();

		// The second order names the other customer's site; validation rejects it for that.
		this.intake.on(List.of(record(ownOrder, TestEvents.placed(ownOrder, customer.id, customer.site)),
				record(crossingOrder, TestEvents.placed(crossingOrder, customer.id, customer.site, other.site)),
				record(ownOrder, accepted(ownOrder, customer.id, customer.site)),
				record(crossingOrder, TestEvents.rejected(crossingOrder, customer.id,
						Reason.of("SITE_NOT_IN_AGREEMENT", "Not a site of this agreement")))));

		assertThat(statusRows(customer.id)).extracting(Row::orderId, Row::status, Row::sites)
			.containsExactly(tuple(ownOrder, "PLACED", Set.of(customer.site)),
					tuple(crossingOrder, "PLACED", Set.of(customer.site)),
					tuple(ownOrder, "ACCEPTED", Set.of(customer.site)),
					tuple(crossingOrder, "REJECTED", Set.of(customer.site)));
		assertThat(this.jdbc.queryForList("SELECT order_id FROM order_site WHERE site_id = ?", UUID.class, other.site))
			.isEmpty();
	}

	@Test
	void keepsTheNumberAnOrderHadWhenALaterEventOfTheBatchHasNone() {
		Customer customer = new Customer();
		UUID earlier = UUID.randomUUID();
		UUID inBatch = UUID.randomUUID();
		this.intake.on(List.of(record(earlier, TestEvents.placed(earlier, customer.id, customer.site))));

		this.intake.on(List.of(record(earlier, cancelledWithoutNumber(earlier, customer.id)),
				record(inBatch, TestEvents.placed(inBatch, customer.id, customer.site)),
				record(inBatch, cancelledWithoutNumber(inBatch, customer.id)),
				record(inBatch, cancelledWithoutNumber(inBatch, customer.id))));

		assertThat(knownOrders(List.of(earlier, inBatch))).containsOnly(
				tuple(earlier, TestEvents.number(earlier), customer.id),
				tuple(inBatch, TestEvents.number(inBatch), customer.id));
	}

	@Test
	void remembersAnOrderFirstSeenWithoutANumberWithTheNumberALaterEventOfTheBatchBrings() {
		Customer customer = new Customer();
		UUID orderId = UUID.randomUUID();

		this.intake.on(List.of(record(orderId, cancelledWithoutNumber(orderId, customer.id)),
				record(orderId, TestEvents.placed(orderId, customer.id, customer.site)),
				record(orderId, cancelledWithoutNumber(orderId, customer.id))));

		assertThat(knownOrders(List.of(orderId))).containsOnly(tuple(orderId, TestEvents.number(orderId), customer.id));
	}

	/** A customer whose agreement names two sites, as agreement-service announces it. */
	private final class Customer {

		private final UUID id = UUID.randomUUID();

		private final UUID site = UUID.randomUUID();

		private final UUID secondSite = UUID.randomUUID();

		Customer() {
			AgreementActivated activated = new AgreementActivated(UUID.randomUUID(), "AG-TEST", this.id, 1,
					LocalDate.of(2026, 1, 1), null, LocalDate.of(2026, 1, 1),
					List.of(site(this.site), site(this.secondSite)));
			OrderBatchIntegrationTest.this.intake.on(List.of(record(activated.agreementId(), activated)));
		}

		private static DeliverySite site(UUID siteId) {
			return new DeliverySite(siteId, "Site Kalasatama", "Street 1", "00100", "Helsinki", "FI", "Mikko",
					"+358 40 1234567");
		}
	}

	/** Accepted with a line for each site. */
	private static OrderAccepted accepted(UUID orderId, UUID customerId, UUID... siteIds) {
		List<PricedLine> lines = new ArrayList<>();
		for (UUID siteId : siteIds) {
			lines.add(new PricedLine(lines.size() + 1, "CEM-25KG", "Cement 25 kg", "CEMENT", "BAG", 40, "PALLET",
					siteId, new BigDecimal("9.90"), new BigDecimal("8.40"), new BigDecimal("336.00"),
					LocalDate.parse("2026-12-01")));
		}
		return new OrderAccepted(orderId, TestEvents.number(orderId), customerId, "PO-4711", DeliveryMode.COMPLETE,
				null, lines, List.of(), new Totals(new BigDecimal("336.00"), new BigDecimal("95.00"),
						new BigDecimal("431.00"), "EUR"),
				T.plusSeconds(60), null, null);
	}

	/** A cancellation as an older writer sent it, without the order's number. */
	private static OrderCancelled cancelledWithoutNumber(UUID orderId, UUID customerId) {
		return new OrderCancelled(orderId, null, customerId, "anna", "Changed my mind", T.plusSeconds(120));
	}

	/** The event as the listener receives it from Kafka: keyed by order, with its CloudEvents headers. */
	private ConsumerRecord<String, byte[]> record(UUID key, Object event) {
		return CloudEventRecord.of(key, event, this.json).toConsumerRecord(this.offset++);
	}

	private List<Tuple> knownOrders(List<UUID> orderIds) {
		return this.jdbc.query("SELECT order_id, order_number, customer_id FROM known_order WHERE order_id = ANY(?)",
				(rs, n) -> tuple(rs.getObject("order_id", UUID.class), rs.getString("order_number"),
						rs.getObject("customer_id", UUID.class)),
				(Object) orderIds.toArray(UUID[]::new));
	}

	/** The customer's order status rows in the stream, in id order. */
	private List<Row> statusRows(UUID customer) {
		return this.jdbc.query("""
				SELECT order_id, site_ids, data FROM stream_event
				WHERE customer_id = ? AND event_name = 'order.status-changed' ORDER BY id""", (rs, n) -> {
			var data = this.json.readTree(rs.getString("data"));
			Set<UUID> sites = Arrays.stream((Object[]) rs.getArray("site_ids").getArray())
				.map(UUID.class::cast)
				.collect(Collectors.toUnmodifiableSet());
			return new Row(rs.getObject("order_id", UUID.class), data.get("status").asString(),
					data.get("orderNumber").asString(), sites);
		}, customer);
	}

	private record Row(UUID orderId, String status, String orderNumber, Set<UUID> sites) {
	}
}
