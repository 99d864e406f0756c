package org.leverans.platform.kafka;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.AppInfoParser;
import org.leverans.platform.process.ListeningPorts;

/** Kafka is ready when an admin client can describe the cluster and sees a node. */
public final class KafkaReadiness implements AutoCloseable {

	private final Admin admin;

	private final String bootstrapServers;

	public KafkaReadiness(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				3000, AdminClientConfig.CLIENT_ID_CONFIG, "leverans-platform"));
	}

	public boolean clusterAnswers() throws Exception {
		if (!anyMayConnect()) {
			return false; // see ListeningPorts: connecting too early can take the port away from the broker
		}
		return !this.admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
	}

	private boolean anyMayConnect() {
		for (String server : this.bootstrapServers.split(",")) {
			int colon = server.lastIndexOf(':');
			if (colon < 0 || ListeningPorts.mayConnect(server.substring(0, colon).trim(),
					Integer.parseInt(server.substring(colon + 1).trim()))) {
				return true;
			}
		}
		return false;
	}

	/** The version of the Kafka jars in use, e.g. 4.1.2. */
	public static String version() {
		return AppInfoParser.getVersion();
	}

	@Override
	public void close() {
		this.admin.close(java.time.Duration.ofSeconds(2));
	}
}
