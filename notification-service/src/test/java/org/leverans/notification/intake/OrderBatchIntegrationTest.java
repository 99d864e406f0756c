package org.leverans.notification.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.leverans.contracts.agreement.AgreementActivated;
import org.leverans.contracts.order.OrderCancelled;
import org.leverans.contracts.validation.DeliverySite;
import org.leverans.notification.IntegrationTest;
import org.leverans.notification.TestEvents;
import org.leverans.testsupport.events.CloudEventRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

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
	private JsonMapper json;

	private long offset;

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
}
