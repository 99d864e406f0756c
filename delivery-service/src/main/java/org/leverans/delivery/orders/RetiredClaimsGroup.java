package org.leverans.delivery.orders;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupSubscribedToTopicException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * Hands the claim tally's former consumer group over to the order listener on a deployed platform. Until the order
 * topic had one listener here, {@value #GROUP} read it for claims beside {@code delivery-service}; where it had not
 * read as far, the listener goes back to where it stopped, so no claim event is skipped (planning's inbox knows the
 * events it reads again, and the claim tally's inbox still knows those it applied, so nothing counts twice). Then the
 * group's offsets of the partitions are deleted: they would send the listener back on every assignment. While an
 * instance of the previous version still reads with the group (a rolling upgrade), they cannot be, and the next
 * assignment hands over again from wherever it got to.
 */
@Component("retiredClaimsGroup")
class RetiredClaimsGroup
		implements ContainerPostProcessor<String, byte[], AbstractMessageListenerContainer<String, byte[]>> {

	static final String GROUP = "delivery-claims";

	private static final Logger logger = LoggerFactory.getLogger(RetiredClaimsGroup.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final KafkaAdmin kafka;

	RetiredClaimsGroup(KafkaAdmin kafka) {
		this.kafka = kafka;
	}

	/**
	 * Only the order listener's container hands over: a rebalance listener bean would be given to every container
	 * by Spring Boot.
	 */
	@Override
	public void postProcess(AbstractMessageListenerContainer<String, byte[]> container) {
		container.getContainerProperties().setConsumerRebalanceListener(new ConsumerAwareRebalanceListener() {

			@Override
			public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
				handOver(consumer, partitions);
			}
		});
	}

	void handOver(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		try (Admin admin = Admin.create(this.kafka.getConfigurationProperties())) {
			Map<TopicPartition, OffsetAndMetadata> retired = offsets(admin, partitions);
			if (retired.isEmpty()) {
				return;
			}
			Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(retired.keySet(), TIMEOUT);
			Map<TopicPartition, OffsetAndMetadata> behind = new HashMap<>();
			retired.forEach((partition, offset) -> {
				OffsetAndMetadata own = committed.get(partition);
				// Without an offset of its own the listener starts from the earliest record anyway.
				if (own != null && offset.offset() < own.offset()) {
					behind.put(partition, new OffsetAndMetadata(offset.offset()));
				}
			});
			if (!behind.isEmpty()) {
				behind.forEach((partition, offset) -> consumer.seek(partition, offset.offset()));
				// Committed before the retired offsets go, so that a crash in between forgets neither position.
				consumer.commitSync(behind, TIMEOUT);
				logger.info("Reading the order topic again from where consumer group {} stopped, for the claim events "
						+ "it had not read yet: {}", GROUP, positions(behind));
			}
			forget(admin, retired.keySet());
		}
	}

	private static String positions(Map<TopicPartition, OffsetAndMetadata> offsets) {
		return offsets.entrySet()
			.stream()
			.map((entry) -> "partition " + entry.getKey().partition() + " from offset " + entry.getValue().offset())
			.sorted()
			.collect(Collectors.joining(", "));
	}

	private static Map<TopicPartition, OffsetAndMetadata> offsets(Admin admin,
			Collection<TopicPartition> partitions) {
		try {
			Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
			admin.listConsumerGroupOffsets(GROUP)
				.partitionsToOffsetAndMetadata()
				.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
				.forEach((partition, offset) -> {
					if (offset != null && partitions.contains(partition)) {
						offsets.put(partition, offset);
					}
				});
			return offsets;
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof GroupIdNotFoundException) {
				return Map.of();
			}
			// Reading on without them could skip claim events the retired group had not read.
			throw new KafkaException("Could not read consumer group " + GROUP + "'s offsets", ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new KafkaException("Could not read consumer group " + GROUP + "'s offsets in time", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KafkaException("Interrupted reading consumer group " + GROUP + "'s offsets", ex);
		}
	}

	private static void forget(Admin admin, Set<TopicPartition> partitions) {
		try {
			admin.deleteConsumerGroupOffsets(GROUP, partitions).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			logger.info("Consumer group {} handed {} over to the order listener", GROUP, partitions);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof GroupSubscribedToTopicException) {
				logger.info("Consumer group {} is still read by an instance of the previous version; handing over "
						+ "again at the next assignment", GROUP);
			}
			else {
				logger.warn("Could not delete consumer group {}'s offsets; handing over again at the next assignment",
						GROUP, ex.getCause());
			}
		}
		catch (TimeoutException ex) {
			logger.warn("Could not delete consumer group {}'s offsets in time; handing over again at the next "
					+ "assignment", GROUP, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
