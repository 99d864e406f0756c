package org.leverans.order.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.leverans.order.OrderEvents;
import org.leverans.order.OrderServiceIntegrationTest;
import org.leverans.testsupport.events.CloudEventRecord;
import org.leverans.testsupport.infrastructure.CountedStatements;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Agreement-service's and credit-service's decisions as one poll batch: the orders locked once, each decision
 * starting from what the ones before it stored, and the acceptance announced from the order as stored.
 */
class DecisionBatchIntegrationTest extends OrderServiceIntegrationTest {

	@Autowired
	private DecisionListener listener;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Autowired
	private DataSource dataSource;

	private long offset;

	@Test
	void locksTheBatchsOrdersOnceAndAnnouncesEachAcceptanceWithoutReadingTheOrderAgain() throws Exception {
		List<UUID> orders = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			orders.add(placeOrder(JATKASAARI));
		}
		// Both decisions about each order, as they come within milliseconds of each other.
		List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
		for (UUID id : orders) {
			batch.add(record(id, OrderEvents.validated(id, JATKASAARI)));
			batch.add(record(id, OrderEvents.creditReserved(id)));
		}

		int statements = CountedStatements.of(new TransactionTemplate(this.transactionManager), this.dataSource,
				() -> this.listener.onDecisions(batch));

		// The inbox remembering the batch and the orders locked: two. Each order then its pricing (order and line),
		// its progress twice and its lines for the announcement: five. As the transaction commits, the timeline and
		// the outbox: two. Reading the order to lock it for each decision and again to announce it was three more
		// per order.
		assertThat(statements).isEqualTo(2 + 3 * 5 + 2);
		for (UUID id : orders) {
			assertThat(status(id)).isEqualTo("ACCEPTED");
			assertThat(outboxCount(id, "leverans.order.accepted.v1")).isOne();
			String accepted = this.jdbc.queryForObject("""
					SELECT payload::text FROM messaging.outbox_event
					WHERE record_key = ? AND type = 'leverans.order.accepted.v1'""", String.class, id.toString());
			assertThat(accepted).as("the pricing the same batch stored").contains("\"total\":431.00").contains("NET_30");
			assertThat(timelineCount(id, "OrderValidated")).isOne();
			assertThat(timelineCount(id, "CreditReserved")).isOne();
			assertThat(timelineCount(id, "OrderAccepted")).isOne();
		}
	}

	@Test
	void aDecisionAboutAnOrderUnknownHereFailsAloneAfterTheBatchLockedTheOthers() throws Exception {
		UUID known = placeOrder(JATKASAARI);
		UUID unknown = UUID.randomUUID();

		assertThatExceptionOfType(BatchListenerFailedException.class)
			.isThrownBy(() -> this.listener.onDecisions(List.of(record(known, OrderEvents.validated(known, JATKASAARI)),
					record(unknown, OrderEvents.creditReserved(unknown)))))
			.satisfies(failed -> assertThat(failed.getRecord().key()).isEqualTo(unknown.toString()));
		// The record before it was applied on its own, as the inbox applies a failing batch record by record.
		assertThat(status(known)).isEqualTo("VALIDATED");
	}

	/** The event as the listener receives it from Kafka: keyed by order, with its CloudEvents headers. */
	private ConsumerRecord<String, byte[]> record(UUID orderId, Object event) {
		return CloudEventRecord.of(orderId, event, this.json).toConsumerRecord(this.offset++);
	}
}
