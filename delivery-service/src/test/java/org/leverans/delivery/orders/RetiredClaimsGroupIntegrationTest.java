package org.leverans.delivery.orders;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.leverans.contracts.Topics;
import org.leverans.contracts.claim.ClaimFiled;
import org.leverans.delivery.DeliveryIntegrationTest;
import org.leverans.delivery.TestOrders;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A platform upgraded from the version whose claim tally read the order topic with a consumer group of its own
 * ({@code delivery-claims}), beside planning's {@code delivery-service}.
 */
class RetiredClaimsGroupIntegrationTest extends DeliveryIntegrationTest {

	@Autowired
	private KafkaListenerEndpointRegistry listeners;

	@Autowired
	private KafkaAdmin kafka;

	@Test
	void talliesTheClaimsTheRetiredGroupHadNotReadWhenPlanningHadReadPastThem() throws Exception {
		UUID claimId = UUID.randomUUID();
		String eventId;
		MessageListenerContainer listener = this.listeners.getListenerContainer("delivery-orders");
		try (Admin admin = Admin.create(this.kafka.getConfigurationProperties())) {
			listener.stop();
			try {
				Map<TopicPartition, OffsetAndMetadata> before = endOffsets(admin);
				eventId = publishOrderEvent(UUID.randomUUID(), claimFiled(claimId));
				Map<TopicPartition, OffsetAndMetadata> after = endOffsets(admin);
				// The previous version stopped with planning's group past the claim and the claims group before it.
				await().ignoreExceptions()
					.untilAsserted(() -> admin.alterConsumerGroupOffsets("delivery-service", after).all().get());
				admin.alterConsumerGroupOffsets(RetiredClaimsGroup.GROUP, before).all().get();
			}
			finally {
				listener.start();
			}

			await().atMost(Duration.ofSeconds(30)).until(() -> tallied(claimId) == 1);
			assertThat(this.jdbc.queryForList("SELECT consumer FROM messaging.inbox_event WHERE event_id = ?",
					String.class, eventId))
				.containsExactly("delivery-claims");
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(retiredOffsets(admin)).isEmpty());
		}
	}

	@Test
	void skipsTheClaimEventsTheRetiredGroupAppliedAlready() {
		UUID orderId = UUID.randomUUID();
		UUID applied = UUID.randomUUID();
		String eventId = UUID.randomUUID().toString();
		// As the previous version's claim tally left it in the inbox; the tally's row itself does not matter here.
		this.jdbc.update("""
				INSERT INTO messaging.inbox_event (consumer, event_id, type, received_at)
				VALUES ('delivery-claims', ?, 'leverans.order.claim-filed.v1', now())""", eventId);
		publishOrderEvent(orderId, eventId, claimFiled(applied));
		UUID next = UUID.randomUUID();
		publishOrderEvent(orderId, claimFiled(next));

		await().atMost(Duration.ofSeconds(30)).until(() -> tallied(next) == 1);
		assertThat(tallied(applied)).isZero();
	}

	private static ClaimFiled claimFiled(UUID claimId) {
		return new ClaimFiled(claimId, "CL-" + claimId, UUID.randomUUID(), "LV-1", TestOrders.RAKENNUS,
				UUID.randomUUID(), "nordic-freight", "DAMAGED", "CARRIER", "Crushed pallet", List.of(), "mikko",
				Instant.now());
	}

	private int tallied(UUID claimId) {
		return this.jdbc.queryForObject("SELECT count(*) FROM claim_tally WHERE claim_id = ?", Integer.class,
				claimId);
	}

	private static Map<TopicPartition, OffsetAndMetadata> endOffsets(Admin admin) throws Exception {
		int partitions = admin.describeTopics(List.of(Topics.ORDER))
			.allTopicNames()
			.get(10, TimeUnit.SECONDS)
			.get(Topics.ORDER)
			.partitions()
			.size();
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		for (int partition = 0; partition < partitions; partition++) {
			latest.put(new TopicPartition(Topics.ORDER, partition), OffsetSpec.latest());
		}
		Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
		admin.listOffsets(latest)
			.all()
			.get(10, TimeUnit.SECONDS)
			.forEach((partition, info) -> offsets.put(partition, new OffsetAndMetadata(info.offset())));
		return offsets;
	}

	private static Map<TopicPartition, OffsetAndMetadata> retiredOffsets(Admin admin) throws Exception {
		Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
		admin.listConsumerGroupOffsets(RetiredClaimsGroup.GROUP)
			.partitionsToOffsetAndMetadata()
			.get(10, TimeUnit.SECONDS)
			.forEach((partition, offset) -> {
				if (offset != null) {
					offsets.put(partition, offset);
				}
			});
		return offsets;
	}
}
