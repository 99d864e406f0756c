package org.leverans.deploy;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.leverans.contracts.Topics;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the schemas cannot see: that the rendered objects name each other correctly, and agree with what the services
 * themselves read and expose.
 */
class ChartWiringTest {

	static List<RenderedChart> renderings() {
		return RenderedChart.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("renderings")
	void everyServiceSelectsThePodsOfOneDeploymentOnAPortTheyListenOn(RenderedChart chart) {
		for (Manifest service : chart.ofKind("Service")) {
			Map<String, String> selector = strings(service.at("/spec/selector"));
			assertThat(selector).as(service.toString()).isNotEmpty();
			List<Manifest> selected = chart.ofKind("Deployment").stream()
				.filter(deployment -> strings(deployment.at("/spec/template/metadata/labels")).entrySet()
					.containsAll(selector.entrySet()))
				.toList();
			assertThat(selected).as(service + " selects").hasSize(1);
			Manifest deployment = selected.getFirst();
			assertThat(strings(deployment.at("/spec/selector/matchLabels")).entrySet())
				.as(deployment + " selects its own pods")
				.isSubsetOf(strings(deployment.at("/spec/template/metadata/labels")).entrySet());
			Set<String> containerPorts = new HashSet<>();
			for (JsonNode port : deployment.at("/spec/template/spec/containers/0/ports")) {
				containerPorts.add(port.path("name").asString());
				containerPorts.add(port.path("containerPort").asString());
			}
			for (JsonNode port : service.at("/spec/ports")) {
				assertThat(containerPorts).as(service + " target port").contains(port.path("targetPort").asString());
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("renderings")
	void everyDisruptionBudgetAndAutoscalerAimsAtADeployment(RenderedChart chart) {
		for (Manifest budget : chart.ofKind("PodDisruptionBudget")) {
			Map<String, String> selector = strings(budget.at("/spec/selector/matchLabels"));
			assertThat(chart.ofKind("Deployment"))
				.as(budget.toString())
				.anyMatch(deployment -> strings(deployment.at("/spec/template/metadata/labels")).entrySet()
					.containsAll(selector.entrySet()));
		}
		for (Manifest autoscaler : chart.ofKind("HorizontalPodAutoscaler")) {
			assertThat(chart.find("Deployment", autoscaler.at("/spec/scaleTargetRef/name").asString()))
				.as(autoscaler.toString())
				.isPresent();
			assertThat(autoscaler.at("/spec/minReplicas").asInt())
				.isLessThanOrEqualTo(autoscaler.at("/spec/maxReplicas").asInt());
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("renderings")
	void everySecretAPodReadsIsRenderedOrMadeByCloudNativePg(RenderedChart chart) {
		Set<String> secrets = new HashSet<>();
		chart.ofKind("Secret").forEach(secret -> secrets.add(secret.name()));
		// CloudNativePG writes the owner's credentials to <cluster>-app, with these keys among others.
		Map<String, Set<String>> keys = new HashMap<>();
		chart.ofKind("Secret").forEach(secret -> keys.put(secret.name(), fieldNames(secret.at("/stringData"))));
		JsonNode ownerSecrets = chart.valuesOverlay().at("/postgres/ownerSecrets");
		for (Manifest cluster : chart.ofKind("Cluster")) {
			JsonNode given = cluster.at("/spec/bootstrap/initdb/secret/name");
			if (given.isMissingNode()) {
				secrets.add(cluster.name() + "-app");
				keys.put(cluster.name() + "-app", Set.of("username", "password", "host", "port", "dbname", "uri"));
			}
			else {
				// made outside the chart and named in its values; a basic-auth Secret, as CloudNativePG requires
				String database = cluster.at("/spec/bootstrap/initdb/database").asString();
				assertThat(given.asString()).isEqualTo(ownerSecrets.path(database).asString());
				secrets.add(given.asString());
				keys.put(given.asString(), Set.of("username", "password"));
			}
		}
		List<JsonNode> references = chart.ofKind("Deployment").stream()
			.flatMap(deployment -> deployment.tree().findValues("secretKeyRef").stream())
			.toList();
		assertThat(references).isNotEmpty();
		for (JsonNode reference : references) {
			String name = reference.path("name").asString();
			assertThat(secrets).as("secrets").contains(name);
			assertThat(keys.get(name)).as(name).contains(reference.path("key").asString());
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("renderings")
	void everyServiceWithADatabaseConnectsToItsOwnDatabase(RenderedChart chart) {
		Set<String> databases = new HashSet<>();
		for (String component : Components.ALL) {
			String configured = Components.applicationYml(component).at("/spring/datasource/url").asString("");
			Map<String, String> env = env(chart, component);
			if (configured.isEmpty()) {
				assertThat(env).as(component).doesNotContainKey("SPRING_DATASOURCE_URL");
				continue;
			}
			String database = configured.substring(configured.lastIndexOf('/') + 1);
			String url = env.get("SPRING_DATASOURCE_URL");
			assertThat(url).as(component).startsWith("jdbc:postgresql://").endsWith("/" + database);
			assertThat(databases.add(database)).as("one database per service: " + database).isTrue();
			if (!chart.ofKind("Cluster").isEmpty()) {
				String host = url.substring("jdbc:postgresql://".length(), url.indexOf(':', "jdbc:postgresql://".length()));
				Manifest cluster = chart.find("Cluster", host.replaceFirst("-rw$", "")).orElseThrow(
						() -> new AssertionError(component + " connects to " + host + ", no CloudNativePG cluster's"));
				assertThat(host).endsWith("-rw");
				assertThat(cluster.at("/spec/bootstrap/initdb/database").asString()).isEqualTo(database);
			}
		}
		assertThat(chart.ofKind("Cluster").size()).isIn(0, databases.size());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("renderings")
	void everyServiceThatUsesKafkaIsToldWhereItIs(RenderedChart chart) {
		Set<String> bootstraps = new HashSet<>();
		for (String component : Components.ALL) {
			boolean usesKafka = !Components.applicationYml(component).at("/spring/kafka/bootstrap-servers").isMissingNode();
			String bootstrap = env(chart, component).get("SPRING_KAFKA_BOOTSTRAP_SERVERS");
			assertThat(bootstrap != null).as(component + " told where Kafka is").isEqualTo(usesKafka);
			if (bootstrap != null) {
				bootstraps.add(bootstrap);
			}
		}
		assertThat(bootstraps).hasSize(1);
		List<Manifest> kafkas = chart.ofKind("Kafka");
		if (kafkas.isEmpty()) {
			assertThat(bootstraps).containsExactly(chart.valuesOverlay().at("/kafka/external/bootstrapServers").asString());
		}
		else {
			Manifest kafka = kafkas.getFirst();
			JsonNode plain = kafka.at("/spec/kafka/listeners/0");
			assertThat(plain.path("tls").asBoolean()).isFalse();
			// Strimzi's bootstrap Service is <cluster>-kafka-bootstrap
			assertThat(bootstraps).containsExactly(kafka.name() + "-kafka-bootstrap:" + plain.path("port").asInt());
			assertThat(chart.ofKind("KafkaNodePool"))
				.allMatch(pool -> kafka.name().equals(pool.label("strimzi.io/cluster")))
				.anyMatch(pool -> pool.at("/spec/roles").toString().contains("controller"));
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("renderings")
	void everyTopicTheServicesUseIsAKafkaTopic(RenderedChart chart) {
		if (chart.ofKind("Kafka").isEmpty()) {
			// An existing Kafka: the services create their topics themselves, as on the local platform.
			assertThat(chart.ofKind("KafkaTopic")).isEmpty();
			return;
		}
		String cluster = chart.ofKind("Kafka").getFirst().name();
		List<String> expected = new ArrayList<>();
		for (String topic : Topics.ALL) {
			expected.add(topic);
			expected.add(Topics.deadLetterOf(topic));
		}
		List<Manifest> topics = chart.ofKind("KafkaTopic");
		assertThat(topics.stream().map(topic -> topic.at("/spec/topicName").asString()))
			.containsExactlyInAnyOrderElementsOf(expected);
		for (Manifest topic : topics) {
			assertThat(topic.label("strimzi.io/cluster")).as(topic.toString()).isEqualTo(cluster);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("renderings")
	void servicesCreateTheirTopicsAsTheChartDoes(RenderedChart chart) {
		JsonNode topics = chart.ofKind("KafkaTopic").stream().findFirst().map(topic -> topic.at("/spec")).orElse(null);
		for (String component : Components.ALL) {
			Map<String, String> env = env(chart, component);
			if (env.containsKey("SPRING_KAFKA_BOOTSTRAP_SERVERS") && topics != null) {
				assertThat(env).as(component)
					.containsEntry("LEVERANS_MESSAGING_PARTITIONS", topics.path("partitions").asString())
					.containsEntry("LEVERANS_MESSAGING_REPLICAS", topics.path("replicas").asString());
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("renderings")
	void probesAskForTheHealthGroupsTheServicesExpose(RenderedChart chart) {
		for (String component : Components.ALL) {
			JsonNode management = Components.applicationYml(component).path("management");
			assertThat(management.at("/endpoint/health/probes/enabled").asBoolean()).as(component + " probes").isTrue();
			assertThat(management.at("/endpoints/web/exposure/include").asString()).as(component).contains("health");
			assertThat(management.at("/endpoints/web/base-path").isMissingNode()).as(component).isTrue();
			assertThat(management.at("/server/port").isMissingNode()).as(component + " on its own port").isTrue();

			JsonNode container = deployment(chart, component).at("/spec/template/spec/containers/0");
			assertThat(container.at("/livenessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/liveness");
			assertThat(container.at("/startupProbe/httpGet/path").asString()).isEqualTo("/actuator/health/liveness");
			assertThat(container.at("/readinessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/readiness");
			for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
				assertThat(container.at("/" + probe + "/httpGet/port").asString()).isEqualTo("http");
			}
			assertThat(container.at("/ports/0/containerPort").asString())
				.isEqualTo(env(chart, component).get("SERVER_PORT"));
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("renderings")
	void theGatewayRoutesToTheServicesOfTheChart(RenderedChart chart) {
		Map<String, String> env = env(chart, "gateway");
		JsonNode services = Components.applicationYml("gateway").at("/leverans/services");
		assertThat(services.propertyNames()).isNotEmpty();
		for (String property : services.propertyNames()) {
			String service = property.replaceFirst("-uri$", "");
			String uri = env.get("LEVERANS_SERVICES_" + service.toUpperCase() + "_URI");
			Manifest target = chart.find("Service", RenderedChart.RELEASE + "-" + service + "-service")
				.orElseThrow(() -> new AssertionError("no Service for " + property));
			assertThat(uri).isEqualTo("http://" + target.name() + ":" + target.at("/spec/ports/0/port").asInt());
		}
		assertThat(env(chart, "order-service").get("LEVERANS_SERVICES_AGREEMENT_URI"))
			.isEqualTo(env.get("LEVERANS_SERVICES_AGREEMENT_URI"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("renderings")
	void everyComponentTrustsTheOneIssuerPeopleSignInAt(RenderedChart chart) {
		Set<String> issuers = Components.ALL.stream()
			.map(component -> env(chart, component).get("LEVERANS_AUTH_ISSUER_URI"))
			.collect(Collectors.toSet());
		assertThat(issuers).hasSize(1).doesNotContainNull();
		String gateway = chart.valuesOverlay().at("/publicUrls/gateway").asString("http://localhost:8080");
		assertThat(env(chart, "auth-server").get("LEVERANS_AUTH_WEBCLIENT_REDIRECTURIS"))
			.isEqualTo(gateway + "/login/oauth2/code/leverans");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("renderings")
	void theIngressSendsEachPublicAddressToItsComponentsService(RenderedChart chart) {
		assertThat(chart.ofKind("Ingress")).hasSize(chart.valuesOverlay().at("/ingress/enabled").asBoolean() ? 1 : 0);
		for (Manifest ingress : chart.ofKind("Ingress")) {
			Map<String, String> hosts = new LinkedHashMap<>();
			for (JsonNode rule : ingress.at("/spec/rules")) {
				JsonNode backend = rule.at("/http/paths/0/backend/service");
				Manifest service = chart.find("Service", backend.path("name").asString())
					.orElseThrow(() -> new AssertionError("no Service " + backend));
				assertThat(texts(service.at("/spec/ports"), "name")).contains(backend.at("/port/name").asString());
				hosts.put(rule.path("host").asString(), service.label("app.kubernetes.io/name"));
			}
			JsonNode urls = chart.valuesOverlay().path("publicUrls");
			assertThat(hosts).containsOnly(
					Map.entry(URI.create(urls.path("gateway").asString()).getHost(), "gateway"),
					Map.entry(URI.create(urls.path("authServer").asString()).getHost(), "auth-server"));
			if (!chart.valuesOverlay().at("/ingress/tlsSecretName").isMissingNode()) {
				assertThat(texts(ingress.at("/spec/tls/0/hosts"), null)).containsExactlyInAnyOrderElementsOf(hosts.keySet());
			}
		}
	}

	@Test
	void imagesAreNamedAfterTheirComponent() {
		RenderedChart chart = RenderedChart.with("defaults");
		for (String component : Components.ALL) {
			assertThat(deployment(chart, component).at("/spec/template/spec/containers/0/image").asString())
				.isEqualTo("ghcr.io/leverans/leverans-" + component + ":0.1.0-SNAPSHOT");
		}
	}

	@Test
	void theGatewayScalesOutWithItsSessionsInItsDatabase() {
		RenderedChart chart = RenderedChart.with("defaults");
		Manifest autoscaler = chart.find("HorizontalPodAutoscaler", RenderedChart.RELEASE + "-gateway").orElseThrow();
		assertThat(autoscaler.at("/spec/maxReplicas").asInt()).isGreaterThan(1);
		assertThat(env(chart, "gateway").get("SPRING_DATASOURCE_URL")).endsWith("/gateway");
	}

	private static Manifest deployment(RenderedChart chart, String component) {
		return chart.find("Deployment", RenderedChart.RELEASE + "-" + component)
			.orElseThrow(() -> new AssertionError("no Deployment for " + component));
	}

	/** The container's plain env values, and secret references as secret/key. */
	private static Map<String, String> env(RenderedChart chart, String component) {
		Map<String, String> env = new LinkedHashMap<>();
		for (JsonNode variable : deployment(chart, component).at("/spec/template/spec/containers/0/env")) {
			JsonNode secret = variable.at("/valueFrom/secretKeyRef");
			env.put(variable.path("name").asString(), secret.isMissingNode() ? variable.path("value").asString()
					: secret.path("name").asString() + "/" + secret.path("key").asString());
		}
		return env;
	}

	private static Map<String, String> strings(JsonNode object) {
		Map<String, String> strings = new LinkedHashMap<>();
		for (String name : object.propertyNames()) {
			strings.put(name, object.path(name).asString());
		}
		return strings;
	}

	/** The strings of an array, or of one property of each of its objects. */
	private static List<String> texts(JsonNode array, String property) {
		List<String> texts = new ArrayList<>();
		for (JsonNode item : array) {
			texts.add((property != null) ? item.path(property).asString() : item.asString());
		}
		return texts;
	}

	private static Set<String> fieldNames(JsonNode object) {
		return new HashSet<>(object.propertyNames());
	}
}
