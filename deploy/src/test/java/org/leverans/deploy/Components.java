package org.leverans.deploy;

import java.nio.file.Path;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The components the chart deploys, and what each one's own application.yml says it needs. */
final class Components {

	static final List<String> ALL = List.of("auth-server", "gateway", "agreement-service", "order-service",
			"credit-service", "delivery-service", "notification-service", "billing-service");

	private static final YAMLMapper yaml = YAMLMapper.builder().build();

	private Components() {
	}

	/** The component's src/main/resources/application.yml (its first document, the one without a profile). */
	static JsonNode applicationYml(String component) {
		return yaml.readTree(Path.of("..", component, "src/main/resources/application.yml").toFile());
	}
}
