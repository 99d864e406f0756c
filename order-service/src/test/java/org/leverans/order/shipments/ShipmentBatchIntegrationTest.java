package org.leverans.order.shipments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.contracts.shipment.DeliveryWindowChanged;
import org.leverans.order.OrderServiceIntegrationTest;
import org.leverans.testsupport.events.CloudEventRecord;
import org.leverans.testsupport.infrastructure.CountedStatements;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.leverans.order.OrderEvents.delivered;
import static org.leverans.order.OrderEvents.planned;
import static org.leverans.order.OrderEvents.updated;
import static org.leverans.order.OrderEvents.window;

/**
 * A carrier's batch as one poll batch: several events for the same order and shipments applied in one transaction,
 * each seeing what the ones before it did.
 */
class ShipmentBatchIntegrationTest extends OrderServiceIntegrationTest {

	@Autowired
	private ShipmentListener listener;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Autowired
	private DataSource dataSource;

	private long offset;

	@Test
	void followsAnOrderToDeliveredWhenOneBatchCarriesAllItsShipmentsEvents() throws Exception {
		UUID id = acceptedOrder();
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		DeliveryWindow eta = window();

		this.listener.on(wholeDelivery(id, first, second, eta));

		assertThat(status(id)).isEqualTo("DELIVERED");
		assertThat(timelineTypes(id)).containsSubsequence("ShipmentPlanned", "ShipmentPlanned",
				"DeliveryWindowChanged", "ShipmentUpdated", "OrderStatusChanged", "ShipmentUpdated",
				"ShipmentDelivered", "OrderStatusChanged", "ShipmentUpdated", "ShipmentDelivered", "OrderDelivered");
		assertThat(getOrder(id, anna()).get("statusHistory").valueStream().map(h -> h.get("status").asString()))
			.containsExactly("PLACED", "VALIDATED", "ACCEPTED", "IN_DELIVERY", "PARTIALLY_DELIVERED", "DELIVERED");
		assertThat(outboxCount(id, "leverans.order.delivered.v1")).isOne();
		assertThat(this.jdbc.queryForObject("SELECT shipments_in_order FROM customer_order WHERE id = ?",
				Integer.class, id)).isEqualTo(2);

		Map<String, Object> shipment = this.jdbc.queryForMap("SELECT * FROM shipment WHERE id = ?", first);
		assertThat(shipment.get("status")).isEqualTo("DELIVERED");
		assertThat(shipment.get("picked_up")).isEqualTo(true);
		assertThat(shipment.get("tracking_number")).isEqualTo("NF1000000001");
		assertThat(shipment.get("window_basis")).as("the window the batch moved it to").isEqualTo("CARRIER_ETA");
		assertThat(shipment.get("lines").toString()).as("the lines its plan had").contains("CEM-25KG");
		assertThat(shipment.get("planned_at")).as("kept from the plan").isNotNull();
		assertThat(shipment.get("delivered_at")).isNotNull();
		assertThat(this.jdbc.queryForObject("SELECT status FROM shipment WHERE id = ?", String.class, second))
			.isEqualTo("DELIVERED");
	}

	@Test
	void aBatchRolledBackWritesNothingAndAppliesWholeWhenItComesAgain() throws Exception {
		UUID id = acceptedOrder();
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		List<ConsumerRecord<String, byte[]>> batch = wholeDelivery(id, first, second, window());

		new TransactionTemplate(this.transactionManager).executeWithoutResult(status -> {
			this.listener.on(batch);
			status.setRollbackOnly();
		});

		assertThat(status(id)).isEqualTo("ACCEPTED");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM shipment WHERE order_id = ?", Integer.class, id))
			.isZero();
		assertThat(timelineCount(id, "ShipmentPlanned")).isZero();
		assertThat(this.jdbc.queryForObject("SELECT shipments_in_order FROM customer_order WHERE id = ?",
				Integer.class, id)).isNull();

		this.listener.on(batch);

		assertThat(status(id)).isEqualTo("DELIVERED");
		assertThat(timelineCount(id, "ShipmentPlanned")).isEqualTo(2);
		assertThat(timelineCount(id, "ShipmentDelivered")).isEqualTo(2);
		assertThat(outboxCount(id, "leverans.order.delivered.v1")).isOne();
	}

	@Test
	void aBatchDeliveredAgainChangesNothing() throws Exception {
		UUID id = acceptedOrder();
		List<ConsumerRecord<String, byte[]>> batch = wholeDelivery(id, UUID.randomUUID(), UUID.randomUUID(),
				window());
		this.listener.on(batch);
		List<String> timeline = timelineTypes(id);

		this.listener.on(batch);

		assertThat(timelineTypes(id)).isEqualTo(timeline);
		assertThat(outboxCount(id, "leverans.order.delivered.v1")).isOne();
	}

	@Test
	void locksAnOrderAndReadsItsShipmentsOnceWhenABatchCarriesSeveralOfTheirEvents() throws Exception {
		UUID id = acceptedOrder();
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		this.listener.on(List.of(record(id, planned(first, id, JATKASAARI, "NF1000000003", 1, 2)),
				record(id, planned(second, id, PASILA, "NF1000000004", 2, 2)),
				record(id, updated(first, id, JATKASAARI, "NF1000000003", "PICKED_UP", "PICKED_UP"))));
		assertThat(status(id)).isEqualTo("IN_DELIVERY");

		// Scans and new estimates in turn, as a truck's come: nothing moves the order on.
		List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			batch.add(record(id, updated(first, id, JATKASAARI, "NF1000000003", "IN_TRANSIT", "IN_TRANSIT")));
			batch.add(record(id, windowChanged(second, id, PASILA, window())));
		}
		int statements = CountedStatements.of(new TransactionTemplate(this.transactionManager), this.dataSource,
				() -> this.listener.on(batch));

		// The inbox remembering the batch, the order locked, its shipments read, then as the transaction commits
		// the shipments written and the timeline: five, against four for each event one by one.
		assertThat(statements).isEqualTo(5);
		assertThat(timelineCount(id, "ShipmentUpdated")).isEqualTo(6);
		assertThat(timelineCount(id, "DeliveryWindowChanged")).isEqualTo(5);
		assertThat(status(id)).isEqualTo("IN_DELIVERY");
		assertThat(this.jdbc.queryForObject("SELECT status FROM shipment WHERE id = ?", String.class, first))
			.isEqualTo("IN_TRANSIT");
	}

	@Test
	void locksTheBatchsOrdersAndReadsTheirShipmentsInOneStatementEachHoweverManyOrdersItNames() throws Exception {
		List<UUID> orders = new ArrayList<>();
		List<UUID> shipments = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			UUID id = acceptedOrder();
			UUID shipment = UUID.randomUUID();
			String tracking = "NF20000000" + i;
			this.listener.on(List.of(record(id, planned(shipment, id, JATKASAARI, tracking, 1, 1)),
					record(id, updated(shipment, id, JATKASAARI, tracking, "PICKED_UP", "PICKED_UP"))));
			orders.add(id);
			shipments.add(shipment);
		}

		// As a carrier's batch comes: its events round-robin over the orders.
		List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < 4; i++) {
				batch.add(record(orders.get(i), updated(shipments.get(i), orders.get(i), JATKASAARI,
						"NF20000000" + i, "IN_TRANSIT", "IN_TRANSIT")));
			}
		}
		int statements = CountedStatements.of(new TransactionTemplate(this.transactionManager), this.dataSource,
				() -> this.listener.on(batch));

		// The inbox remembering the batch, the orders locked, their shipments read, then as the transaction commits
		// the shipments written and the timeline: five, against two more for each order as its first event came.
		assertThat(statements).isEqualTo(5);
		for (int i = 0; i < 4; i++) {
			assertThat(timelineCount(orders.get(i), "ShipmentUpdated")).isEqualTo(3);
			assertThat(status(orders.get(i))).isEqualTo("IN_DELIVERY");
			assertThat(this.jdbc.queryForObject("SELECT status FROM shipment WHERE id = ?", String.class,
					shipments.get(i))).isEqualTo("IN_TRANSIT");
		}
	}

	@Test
	void anEventOfAnOrderUnknownHereFailsAloneAfterTheBatchLockedTheOthers() throws Exception {
		UUID known = acceptedOrder();
		UUID shipment = UUID.randomUUID();
		this.listener.on(List.of(record(known, planned(shipment, known, JATKASAARI, "NF3000000001", 1, 1))));
		UUID unknown = UUID.randomUUID();

		assertThatExceptionOfType(BatchListenerFailedException.class)
			.isThrownBy(() -> this.listener.on(List.of(
					record(known, updated(shipment, known, JATKASAARI, "NF3000000001", "PICKED_UP", "PICKED_UP")),
					record(unknown, updated(UUID.randomUUID(), unknown, JATKASAARI, "NF3000000002", "PICKED_UP",
							"PICKED_UP")))))
			.satisfies(failed -> assertThat(failed.getRecord().key()).isEqualTo(unknown.toString()));
		// The record before it was applied on its own, as the inbox applies a failing batch record by record.
		assertThat(status(known)).isEqualTo("IN_DELIVERY");
	}

	/** Both shipments planned, picked up and delivered, one window moved: everything an order's delivery brings. */
	private List<ConsumerRecord<String, byte[]>> wholeDelivery(UUID id, UUID first, UUID second, DeliveryWindow eta) {
		DeliveryWindow moved = new DeliveryWindow(eta.from().plusSeconds(3600), eta.to().plusSeconds(3600),
				"CARRIER_ETA", eta.updatedAt());
		return List.of(record(id, planned(first, id, JATKASAARI, "NF1000000001", 1, 2)),
				record(id, planned(second, id, PASILA, "NF1000000002", 2, 2)),
				record(id, windowChanged(first, id, JATKASAARI, moved)),
				record(id, updated(first, id, JATKASAARI, "NF1000000001", "PICKED_UP", "PICKED_UP")),
				record(id, updated(first, id, JATKASAARI, "NF1000000001", "IN_TRANSIT", "IN_TRANSIT")),
				record(id, delivered(first, id, JATKASAARI, "NF1000000001", 2)),
				record(id, updated(second, id, PASILA, "NF1000000002", "PICKED_UP", "PICKED_UP")),
				record(id, delivered(second, id, PASILA, "NF1000000002", 2)));
	}

	private UUID acceptedOrder() throws Exception {
		UUID id = placeOrder(JATKASAARI, PASILA);
		accept(id, JATKASAARI, PASILA);
		return id;
	}

	private static DeliveryWindowChanged windowChanged(UUID shipmentId, UUID orderId, UUID siteId,
			DeliveryWindow window) {
		return new DeliveryWindowChanged(shipmentId, orderId, RAKENNUS, siteId, null, window, null);
	}

	/** The event as the listener receives it from Kafka: keyed by order, with its CloudEvents headers. */
	private ConsumerRecord<String, byte[]> record(UUID orderId, Object event) {
		return CloudEventRecord.of(orderId, event, this.json).toConsumerRecord(this.offset++);
	}

	private List<String> timelineTypes(UUID orderId) {
		return this.jdbc.queryForList("SELECT type FROM order_timeline WHERE order_id = ? ORDER BY id", String.class,
				orderId);
	}
}
