package org.leverans.platform.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerConfigTest {

	@Test
	void runsBrokerAndControllerInOneNodeOnTheGivenPorts() {
		Map<String, String> properties = new KafkaBrokerConfig(19092, 19093, Path.of("/data/kafka")).properties();
		assertThat(properties).containsEntry("process.roles", "broker,controller")
			.containsEntry("node.id", "1")
			.containsEntry("controller.quorum.voters", "1@localhost:19093")
			.containsEntry("listeners", "PLAINTEXT://localhost:19092,CONTROLLER://localhost:19093")
			.containsEntry("advertised.listeners", "PLAINTEXT://localhost:19092")
			.containsEntry("log.dirs", "/data/kafka");
	}

	@Test
	void suitsASingleBrokerWithThreePartitionsPerTopic() {
		assertThat(new KafkaBrokerConfig(9092, 9093, Path.of("/data")).properties())
			.containsEntry("num.partitions", "3")
			.containsEntry("offsets.topic.replication.factor", "1")
			.containsEntry("transaction.state.log.replication.factor", "1")
			.containsEntry("transaction.state.log.min.isr", "1")
			.containsEntry("auto.create.topics.enable", "true")
			.containsEntry("group.initial.rebalance.delay.ms", "0");
	}

	@Test
	void formatsTheLogDirectoryOnlyOnce(@TempDir Path logDirectory) throws Exception {
		assertThat(KafkaBroker.isFormatted(logDirectory)).isFalse();
		Files.writeString(logDirectory.resolve("meta.properties"), "cluster.id=abc\n");
		assertThat(KafkaBroker.isFormatted(logDirectory)).isTrue();
	}
}
