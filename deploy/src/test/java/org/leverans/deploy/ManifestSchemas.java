package org.leverans.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The JSON Schema of each kind the chart renders: Kubernetes' own and the Strimzi and CloudNativePG CRDs', kept as
 * test data in src/test/resources/schemas (where they come from: the README there).
 */
final class ManifestSchemas {

	private static final Map<String, String> FILES = Map.of(
			"apps/v1 Deployment", "deployment-apps-v1",
			"v1 Service", "service-v1",
			"v1 Secret", "secret-v1",
			"v1 ConfigMap", "configmap-v1",
			"policy/v1 PodDisruptionBudget", "poddisruptionbudget-policy-v1",
			"autoscaling/v2 HorizontalPodAutoscaler", "horizontalpodautoscaler-autoscaling-v2",
			"kafka.strimzi.io/v1 Kafka", "kafka-kafka-v1",
			"kafka.strimzi.io/v1 KafkaNodePool", "kafkanodepool-kafka-v1",
			"kafka.strimzi.io/v1 KafkaTopic", "kafkatopic-kafka-v1",
			"postgresql.cnpg.io/v1 Cluster", "cluster-postgresql-v1");

	private static final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

	private static final Map<String, Schema> schemas = new ConcurrentHashMap<>();

	private ManifestSchemas() {
	}

	static boolean knows(Manifest manifest) {
		return FILES.containsKey(key(manifest));
	}

	/** What the schema of the manifest's kind finds wrong with it; empty when it is valid. */
	static List<String> problems(Manifest manifest) {
		String file = FILES.get(key(manifest));
		if (file == null) {
			return List.of("no schema kept for " + key(manifest));
		}
		Schema schema = schemas.computeIfAbsent(file, ManifestSchemas::load);
		return schema.validate(manifest.tree()).stream().map(error -> error.toString()).toList();
	}

	private static String key(Manifest manifest) {
		return manifest.apiVersion() + " " + manifest.kind();
	}

	private static Schema load(String file) {
		try (InputStream in = ManifestSchemas.class.getResourceAsStream("/schemas/" + file + ".json")) {
			return registry.getSchema(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
