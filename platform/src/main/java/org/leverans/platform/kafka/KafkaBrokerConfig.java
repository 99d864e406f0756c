package org.leverans.platform.kafka;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The server.properties of the single-node KRaft broker (broker and controller in one JVM). */
public record KafkaBrokerConfig(int port, int controllerPort, Path logDirectory) {

	public static final int NODE_ID = 1;

	public Map<String, String> properties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("process.roles", "broker,controller");
		properties.put("node.id", String.valueOf(NODE_ID));
		properties.put("controller.quorum.voters", NODE_ID + "@localhost:" + this.controllerPort);
		properties.put("listeners", "PLAINTEXT://localhost:" + this.port + ",CONTROLLER://localhost:" + this.controllerPort);
		properties.put("advertised.listeners", "PLAINTEXT://localhost:" + this.port);
		properties.put("controller.listener.names", "CONTROLLER");
		properties.put("inter.broker.listener.name", "PLAINTEXT");
		properties.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
		properties.put("log.dirs", this.logDirectory.toString());
		properties.put("num.partitions", "3");
		properties.put("offsets.topic.replication.factor", "1");
		properties.put("transaction.state.log.replication.factor", "1");
		properties.put("transaction.state.log.min.isr", "1");
		properties.put("share.coordinator.state.topic.replication.factor", "1");
		properties.put("share.coordinator.state.topic.min.isr", "1");
		properties.put("auto.create.topics.enable", "true");
		properties.put("group.initial.rebalance.delay.ms", "0");
		return properties;
	}

	public String asPropertiesFile() {
		return properties().entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue().replace("\\", "\\\\"))
			.collect(Collectors.joining("\n", "# Written by the Leverans platform on every start\n", "\n"));
	}

	public String bootstrapServers() {
		return "localhost:" + this.port;
	}
}
