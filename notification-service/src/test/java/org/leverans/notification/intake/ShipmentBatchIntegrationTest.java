package org.leverans.notification.intake;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.contracts.shipment.DeliveryWindowChanged;
import org.leverans.contracts.shipment.ShipmentDelivered;
import org.leverans.contracts.shipment.ShipmentUpdated;
import org.leverans.contracts.shipment.WindowConfidence;
import org.leverans.notification.IntegrationTest;
import org.leverans.notification.TestEvents;
import org.leverans.testsupport.events.CloudEventRecord;
import org.leverans.testsupport.infrastructure.CountedStatements;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A carrier's batch as one poll batch: scans and new estimates for a few orders' shipments, applied in one
 * transaction by every feature that takes shipment events (the live stream's rows, the arrival alerts).
 */
class ShipmentBatchIntegrationTest extends IntegrationTest {

	/** Beyond any lead time: the arrival alert pass leaves these shipments alone while a test looks at them. */
	private static final Instant LATER = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);

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
	void writesABatchOfShipmentEventsInTheSameFewStatementsWhateverItHolds() {
		Carrier carrier = new Carrier(3);
		this.intake.on(carrier.orders());
		List<ConsumerRecord<String, byte[]>> batch = carrier.scansAndEstimates(2);

		int statements = CountedStatements.of(new TransactionTemplate(this.transactionManager), this.dataSource,
				() -> this.intake.on(batch));

		// The inbox remembering the batch for each of the two features, then as the transaction commits: the
		// orders' numbers read, their sites added, the stream's append lock taken and its rows written, and the
		// arrival alerts re-timed. Event by event it was 2 per event more: 29 for these 12.
		assertThat(statements).isEqualTo(7);
		assertThat(streamRows(carrier.customer)).extracting(Row::sourceEventId).containsExactlyElementsOf(ids(batch));
		assertThat(streamRows(carrier.customer)).allSatisfy(row -> assertThat(row.orderNumber())
			.isEqualTo(TestEvents.number(row.orderId())));
	}

	@Test
	void aBatchDeliveredAgainChangesNothing() {
		Carrier carrier = new Carrier(3);
		this.intake.on(carrier.orders());
		List<ConsumerRecord<String, byte[]>> batch = carrier.scansAndEstimates(2);
		this.intake.on(batch);
		List<Row> rows = streamRows(carrier.customer);
		List<Map<String, Object>> alerts = alerts(carrier.customer);

		this.intake.on(batch);

		assertThat(streamRows(carrier.customer)).isEqualTo(rows).hasSize(12);
		assertThat(alerts(carrier.customer)).isEqualTo(alerts).hasSize(3);
	}

	@Test
	void aBatchRolledBackWritesNothingAndAppliesWholeWhenItComesAgain() {
		Carrier carrier = new Carrier(3);
		this.intake.on(carrier.orders());
		List<ConsumerRecord<String, byte[]>> batch = carrier.scansAndEstimates(2);

		new TransactionTemplate(this.transactionManager).executeWithoutResult(status -> {
			this.intake.on(batch);
			status.setRollbackOnly();
		});

		assertThat(streamRows(carrier.customer)).isEmpty();
		assertThat(alerts(carrier.customer)).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM order_site WHERE order_id = ?", Integer.class,
				carrier.orderIds.getFirst())).isZero();

		this.intake.on(batch);

		assertThat(streamRows(carrier.customer)).extracting(Row::sourceEventId).containsExactlyElementsOf(ids(batch));
		assertThat(alerts(carrier.customer)).hasSize(3)
			.allSatisfy(alert -> assertThat(alert.get("window_basis")).isEqualTo("CARRIER_ETA"));
	}

	@Test
	void showsOnAShipmentRowTheOrderNumberKnownWhenItsEventCame() {
		UUID customer = UUID.randomUUID();
		UUID site = UUID.randomUUID();
		UUID orderId = UUID.randomUUID();
		UUID shipmentId = UUID.randomUUID();

		// The shipment topic's event overtook the order's: the first row cannot show the number yet.
		this.intake.on(List.of(record(orderId, scan(shipmentId, orderId, customer, site, LATER)),
				record(orderId, TestEvents.placed(orderId, customer, site)),
				record(orderId, scan(shipmentId, orderId, customer, site, LATER.plusSeconds(60)))));

		assertThat(streamRows(customer)).extracting(Row::orderNumber)
			.containsExactly(null, TestEvents.number(orderId));
	}

	@Test
	void timesArrivalAlertsAsTheBatchsEventsOneByOneWould() {
		UUID customer = UUID.randomUUID();
		UUID site = UUID.randomUUID();
		UUID orderId = UUID.randomUUID();
		List<Object> batched = new ArrayList<>();
		List<Object> oneByOne = new ArrayList<>();
		for (List<Object> events : List.of(batched, oneByOne)) {
			UUID arriving = UUID.randomUUID();
			UUID delivered = UUID.randomUUID();
			UUID unplanned = UUID.randomUUID();
			events.addAll(List.of(TestEvents.shipmentPlanned(arriving, orderId, customer, site, "NF1", LATER),
					TestEvents.shipmentPlanned(delivered, orderId, customer, site, "NF2", LATER),
					updated(unplanned, orderId, customer, site, "IN_TRANSIT", "IN_TRANSIT", null),
					scan(arriving, orderId, customer, site, LATER.plusSeconds(600)),
					scan(delivered, orderId, customer, site, LATER.plusSeconds(600)),
					estimate(arriving, orderId, customer, site, LATER.plusSeconds(1200), LATER.plusSeconds(600)),
					new ShipmentDelivered(delivered, orderId, customer, site, "nordic-freight", "NF2", LATER, null, 2),
					scan(delivered, orderId, customer, site, LATER.plusSeconds(1800)),
					updated(arriving, orderId, customer, site, "IN_TRANSIT", "ARRIVING", eta(LATER.plusSeconds(1200))),
					updated(arriving, orderId, customer, site, "DELAYED", "DELAYED", null),
					TestEvents.shipmentPlanned(unplanned, orderId, customer, site, "NF3", LATER),
					estimate(arriving, orderId, customer, site, LATER.plusSeconds(2400), LATER.plusSeconds(1200)),
					updated(unplanned, orderId, customer, site, "IN_TRANSIT", "ARRIVING", null),
					scan(unplanned, orderId, customer, site, LATER.plusSeconds(3000))));
		}

		this.intake.on(batched.stream().map(event -> record(orderId, event)).toList());
		oneByOne.forEach(event -> this.intake.on(List.of(record(orderId, event))));

		List<Map<String, Object>> alerts = this.jdbc.queryForList("""
				SELECT carrier, tracking_number, status, window_from, window_to, window_basis, window_updated_at,
				       window_confidence, window_samples, window_coverage, window_usual_width_minutes,
				       CASE WHEN arriving_at IS NULL THEN due_at END AS due_before_arriving,
				       arriving_at IS NOT NULL AS arriving, due_at >= arriving_at AS due_since_arriving,
				       cancelled_at IS NOT NULL AS withdrawn
				FROM arrival_alert WHERE customer_id = ? ORDER BY tracking_number, updated_at""", customer);
		assertThat(alerts).hasSize(6);
		for (int i = 0; i < 6; i += 2) {
			assertThat(alerts.get(i)).isEqualTo(alerts.get(i + 1));
		}
		assertThat(alerts).extracting(alert -> alert.get("tracking_number") + " " + alert.get("status") + " "
				+ alert.get("arriving") + " " + alert.get("withdrawn"))
			.containsExactly("NF1 IN_TRANSIT true false", "NF1 IN_TRANSIT true false", "NF2 IN_TRANSIT false true",
					"NF2 IN_TRANSIT false true", "NF3 IN_TRANSIT true false", "NF3 IN_TRANSIT true false");
	}

	/** A few orders of one customer, a shipment each, as a carrier reports on them. */
	private final class Carrier {

		private final UUID customer = UUID.randomUUID();

		private final UUID site = UUID.randomUUID();

		private final List<UUID> orderIds = new ArrayList<>();

		private final List<UUID> shipmentIds = new ArrayList<>();

		Carrier(int orders) {
			for (int i = 0; i < orders; i++) {
				this.orderIds.add(UUID.randomUUID());
				this.shipmentIds.add(UUID.randomUUID());
			}
		}

		/** The orders placed, so their numbers are known. */
		List<ConsumerRecord<String, byte[]>> orders() {
			return this.orderIds.stream()
				.map(orderId -> record(orderId, TestEvents.placed(orderId, this.customer, this.site)))
				.toList();
		}

		/** Round after round, a scan and then a new estimate for each shipment in turn, as the benchmark sends. */
		List<ConsumerRecord<String, byte[]>> scansAndEstimates(int rounds) {
			List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
			for (int round = 0; round < rounds; round++) {
				Instant from = LATER.plusSeconds(600L * round);
				for (int i = 0; i < this.orderIds.size(); i++) {
					UUID orderId = this.orderIds.get(i);
					UUID shipmentId = this.shipmentIds.get(i);
					batch.add(record(orderId, scan(shipmentId, orderId, this.customer, this.site, from)));
					batch.add(record(orderId,
							estimate(shipmentId, orderId, this.customer, this.site, from.plusSeconds(300), from)));
				}
			}
			return batch;
		}
	}

	private static ShipmentUpdated scan(UUID shipmentId, UUID orderId, UUID customer, UUID site, Instant from) {
		return updated(shipmentId, orderId, customer, site, "IN_TRANSIT", "IN_TRANSIT", eta(from));
	}

	private static ShipmentUpdated updated(UUID shipmentId, UUID orderId, UUID customer, UUID site, String status,
			String eventType, DeliveryWindow window) {
		return new ShipmentUpdated(shipmentId, orderId, customer, site, "nordic-freight", null, status, eventType,
				Instant.now(), window);
	}

	private static DeliveryWindowChanged estimate(UUID shipmentId, UUID orderId, UUID customer, UUID site,
			Instant from, Instant previousFrom) {
		return new DeliveryWindowChanged(shipmentId, orderId, customer, site, "IN_TRANSIT", eta(from),
				eta(previousFrom));
	}

	private static DeliveryWindow eta(Instant from) {
		return new DeliveryWindow(from, from.plusSeconds(3600), "CARRIER_ETA", from.minusSeconds(7200),
				WindowConfidence.calibrated(40, 0.9));
	}

	/** The event as the listener receives it from Kafka: keyed by order, with its CloudEvents headers. */
	private ConsumerRecord<String, byte[]> record(UUID orderId, Object event) {
		return CloudEventRecord.of(orderId, event, this.json).toConsumerRecord(this.offset++);
	}

	private static List<String> ids(List<ConsumerRecord<String, byte[]>> records) {
		return records.stream().map(record -> new String(record.headers().lastHeader("ce_id").value(), UTF_8)).toList();
	}

	/** The customer's shipment rows in the stream from its events (not the alerts), in id order. */
	private List<Row> streamRows(UUID customer) {
		return this.jdbc.query("""
				SELECT id, source_event_id, order_id, data FROM stream_event
				WHERE customer_id = ? AND event_name LIKE 'shipment.%' AND source_event_id NOT LIKE 'arrival-%'
				ORDER BY id""", (rs, n) -> {
			var number = this.json.readTree(rs.getString("data")).get("orderNumber");
			return new Row(rs.getLong("id"), rs.getString("source_event_id"), rs.getObject("order_id", UUID.class),
					(number != null) ? number.asString() : null, rs.getString("data"));
		}, customer);
	}

	private List<Map<String, Object>> alerts(UUID customer) {
		return this.jdbc.queryForList("SELECT * FROM arrival_alert WHERE customer_id = ? ORDER BY shipment_id",
				customer);
	}

	private record Row(long id, String sourceEventId, UUID orderId, String orderNumber, String data) {
	}
}
