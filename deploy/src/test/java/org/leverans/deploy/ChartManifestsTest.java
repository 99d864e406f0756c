package org.leverans.deploy;

import java.util.List;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every document the chart renders, with its default values and with each overlay, is a Kubernetes object the API
 * server would take: the fabric8 model reads it as its kind, and it is valid against that kind's schema (Kubernetes'
 * own, or the Strimzi or CloudNativePG CRD's).
 */
class ChartManifestsTest {

	private static final KubernetesSerialization kubernetes = new KubernetesSerialization();

	private static final String DNS_NAME = "[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?";

	static List<RenderedChart> renderings() {
		return RenderedChart.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("renderings")
	void everyManifestIsReadByTheKubernetesModelAsItsKind(RenderedChart chart) {
		assertThat(chart.manifests()).isNotEmpty();
		for (Manifest manifest : chart.manifests()) {
			HasMetadata resource = kubernetes.unmarshal(manifest.yaml());
			assertThat(resource.getKind()).as(manifest.toString()).isEqualTo(manifest.kind());
			assertThat(resource.getMetadata().getName()).as(manifest.toString()).isNotBlank().matches(DNS_NAME);
			Class<?> expected = switch (manifest.kind()) {
				case "Deployment" -> Deployment.class;
				case "Service" -> Service.class;
				case "Secret" -> Secret.class;
				case "HorizontalPodAutoscaler" -> HorizontalPodAutoscaler.class;
				case "PodDisruptionBudget" -> PodDisruptionBudget.class;
				case "Ingress" -> Ingress.class;
				// the operators' kinds have no model here; their schemas check them
				default -> GenericKubernetesResource.class;
			};
			assertThat(resource).as(manifest.toString()).isInstanceOf(expected);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("renderings")
	void everyManifestIsValidAgainstTheSchemaOfItsKind(RenderedChart chart) {
		for (Manifest manifest : chart.manifests()) {
			assertThat(ManifestSchemas.problems(manifest)).as(manifest.toString()).isEmpty();
		}
	}

	@Test
	void theSchemasRejectWhatTheApiServerWould() {
		Manifest deployment = RenderedChart.with("defaults").ofKind("Deployment").getFirst();
		Manifest misspelt = RenderedChart.parse(deployment.yaml().replace("readinessProbe:", "readynessProbe:"))
			.getFirst();
		Manifest topic = RenderedChart.with("defaults").ofKind("KafkaTopic").getFirst();
		Manifest textPartitions = RenderedChart.parse(topic.yaml().replaceFirst("partitions: \\d+", "partitions: many"))
			.getFirst();
		Manifest cluster = RenderedChart.with("defaults").ofKind("Cluster").getFirst();
		Manifest noOwner = RenderedChart.parse(cluster.yaml().replace("owner:", "ownr:")).getFirst();

		assertThat(ManifestSchemas.problems(misspelt)).anyMatch(problem -> problem.contains("readynessProbe"));
		assertThat(ManifestSchemas.problems(noOwner)).anyMatch(problem -> problem.contains("ownr"));
		assertThat(ManifestSchemas.problems(textPartitions)).anyMatch(problem -> problem.contains("partitions"));
	}

	@Test
	void theChartPassesHelmsStrictLint() {
		LintResult lint = new Helm(RenderedChart.CHART).lint().strict().call();

		assertThat(lint.getMessages()).noneMatch(message -> message.contains("[ERROR]") || message.contains("[WARNING]"));
		assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
	}

	@Test
	void anExistingKafkaOrPostgresqlMustBeNamed() {
		assertThatThrownBy(() -> new Helm(RenderedChart.CHART).template()
			.withKubeVersion(RenderedChart.KUBERNETES_VERSION).set("kafka.create", false).call())
			.hasMessageContaining("kafka.external.bootstrapServers is needed");
		assertThatThrownBy(() -> new Helm(RenderedChart.CHART).template()
			.withKubeVersion(RenderedChart.KUBERNETES_VERSION).set("postgres.create", false).call())
			.hasMessageContaining("postgres.external.username and password");
		assertThatThrownBy(() -> new Helm(RenderedChart.CHART).template()
			.withKubeVersion(RenderedChart.KUBERNETES_VERSION).set("postgres.create", false)
			.set("postgres.external.existingSecret", "leverans-database").call())
			.hasMessageContaining("postgres.external.url is needed");
	}

	@Test
	void aMisspeltOrWronglyTypedValueIsRefused() {
		assertThatThrownBy(() -> new Helm(RenderedChart.CHART).template()
			.withKubeVersion(RenderedChart.KUBERNETES_VERSION).set("kafka.crate", false).call())
			.hasMessageContaining("crate");
		assertThatThrownBy(() -> new Helm(RenderedChart.CHART).template()
			.withKubeVersion(RenderedChart.KUBERNETES_VERSION).set("components.order-service.replicas", "two").call())
			.hasMessageContaining("replicas");
		assertThatThrownBy(() -> new Helm(RenderedChart.CHART).template()
			.withKubeVersion(RenderedChart.KUBERNETES_VERSION).set("components.orders-service.port", 8081).call())
			.hasMessageContaining("orders-service");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("renderings")
	void everyComponentIsADeploymentWithAServiceADisruptionBudgetAndAnAutoscalerOrFixedReplicas(RenderedChart chart) {
		for (String component : Components.ALL) {
			String name = RenderedChart.RELEASE + "-" + component;
			assertThat(chart.find("Deployment", name)).as(name).isPresent();
			assertThat(chart.find("Service", name)).as(name).isPresent();
			assertThat(chart.find("PodDisruptionBudget", name)).as(name).isPresent();
			Manifest deployment = chart.find("Deployment", name).orElseThrow();
			boolean autoscaled = chart.find("HorizontalPodAutoscaler", name).isPresent();
			assertThat(deployment.at("/spec/replicas").isMissingNode()).as(name + " replicas left to its autoscaler")
				.isEqualTo(autoscaled);
		}
		assertThat(chart.ofKind("Deployment")).hasSameSizeAs(Components.ALL);
	}
}
