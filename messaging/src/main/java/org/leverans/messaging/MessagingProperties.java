package org.leverans.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the messaging library, under {@code leverans.messaging}.
 *
 * @param source the CloudEvents {@code source} of events this service writes; defaults to
 * {@code /leverans/<spring.application.name>}
 * @param relayInterval how often the outbox relay looks for unsent events when nothing woke it: a safety net, since
 * every commit that writes to the outbox wakes its instance's relay, and a relay that finds another instance's pass
 * under way looks again 100 ms later
 * @param relayBatchSize how many events one relay pass sends at most
 * @param retention how long sent outbox rows and remembered inbox ids are kept
 * @param retryAttempts how many times a failing record is retried before it goes to the dead-letter topic
 * @param retryInterval first back-off between retries; it doubles each time
 * @param transientRetryMaxInterval the longest back-off between retries of a record that failed because the
 * database or a dependency was away; such a record is retried until it succeeds, never dead-lettered
 * @param partitions partitions of the topics this library creates
 * @param replicas replication factor of the topics this library creates
 * @param offsetCommitInterval how often a listener commits its consumer offsets to Kafka, rather than after every
 * poll batch; a crash or a lost partition replays at most what came since, which the inbox recognises and skips
 * @param consumerSessionTimeout how long Kafka waits to hear from a listener before it hands the listener's
 * partitions to another instance: after a crash, events on those partitions wait this long (the Kafka client's own
 * default, 45 s, held an order-service crash's orders for most of a minute); heartbeats go at a third of it
 */
@ConfigurationProperties("leverans.messaging")
public record MessagingProperties(String source, @DefaultValue("5s") Duration relayInterval,
		@DefaultValue("200") int relayBatchSize, @DefaultValue("7d") Duration retention,
		@DefaultValue("3") int retryAttempts, @DefaultValue("200ms") Duration retryInterval,
		@DefaultValue("10s") Duration transientRetryMaxInterval,
		@DefaultValue("3") int partitions, @DefaultValue("1") short replicas,
		@DefaultValue("1s") Duration offsetCommitInterval, @DefaultValue("10s") Duration consumerSessionTimeout) {
}
