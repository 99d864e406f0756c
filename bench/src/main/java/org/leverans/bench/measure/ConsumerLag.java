package org.leverans.bench.measure;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Records each consumer group has yet to read: the end offset of every partition it consumes minus its commit. */
public final class ConsumerLag {

	private ConsumerLag() {
	}

	public static Map<String, Long> byGroup(String bootstrapServers) throws Exception {
		Map<String, Long> lag = new TreeMap<>();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
				Map<TopicPartition, OffsetAndMetadata> committed = admin
					.listConsumerGroupOffsets(group.groupId())
					.partitionsToOffsetAndMetadata()
					.get(30, TimeUnit.SECONDS);
				committed.values().removeIf(java.util.Objects::isNull);
				if (committed.isEmpty()) {
					continue;
				}
				Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin
					.listOffsets(committed.keySet().stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
					.all()
					.get(30, TimeUnit.SECONDS);
				long behind = 0;
				for (var entry : committed.entrySet()) {
					behind += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
				}
				lag.put(group.groupId(), behind);
			}
		}
		return lag;
	}
}
