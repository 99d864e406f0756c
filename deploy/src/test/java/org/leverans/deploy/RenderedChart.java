package org.leverans.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The chart as {@code helm template} renders it, with Helm's own Go library (helm-java) in this JVM, so neither a
 * helm binary nor a cluster is needed. Each set of values is rendered once per test JVM.
 */
final class RenderedChart {

	static final Path CHART = Path.of("helm/leverans");

	/** The Kubernetes version the chart is rendered for, and whose schemas are in src/test/resources/schemas. */
	static final String KUBERNETES_VERSION = "1.34.1";

	static final String RELEASE = "leverans";

	private static final Map<String, RenderedChart> rendered = new ConcurrentHashMap<>();

	private static final ObjectMapper yaml = YAMLMapper.builder().build();

	private final String values;

	private final List<Manifest> manifests;

	private RenderedChart(String values, List<Manifest> manifests) {
		this.values = values;
		this.manifests = manifests;
	}

	/** The chart with its own values.yaml and, on top, the named file of src/test/resources/values, if any. */
	static RenderedChart with(String values) {
		return rendered.computeIfAbsent(values, RenderedChart::render);
	}

	/** The default values and each overlay the tests try. */
	static List<RenderedChart> all() {
		return List.of(with("defaults"), with("existing-infrastructure.yaml"), with("three-replicas.yaml"));
	}

	private static RenderedChart render(String values) {
		TemplateCommand template = new Helm(CHART).template()
			.withName(RELEASE)
			.withNamespace("leverans")
			.withKubeVersion(KUBERNETES_VERSION);
		if (!values.equals("defaults")) {
			template = template.withValuesFile(Path.of("src/test/resources/values", values));
		}
		return new RenderedChart(values, parse(template.call()));
	}

	static List<Manifest> parse(String documents) {
		List<Manifest> manifests = new ArrayList<>();
		for (String document : documents.split("(?m)^---\\s*$")) {
			JsonNode tree = yaml.readTree(document);
			if (tree == null || tree.isMissingNode() || tree.isNull() || tree.isEmpty()) {
				continue;
			}
			manifests.add(new Manifest(tree.path("apiVersion").asString(), tree.path("kind").asString(),
					tree.path("metadata").path("name").asString(), tree, document));
		}
		return manifests;
	}

	List<Manifest> manifests() {
		return this.manifests;
	}

	List<Manifest> ofKind(String kind) {
		return this.manifests.stream().filter(manifest -> manifest.kind().equals(kind)).toList();
	}

	Optional<Manifest> find(String kind, String name) {
		return ofKind(kind).stream().filter(manifest -> manifest.name().equals(name)).findFirst();
	}

	JsonNode valuesOverlay() {
		if (this.values.equals("defaults")) {
			return yaml.createObjectNode();
		}
		return yaml.readTree(Path.of("src/test/resources/values", this.values).toFile());
	}

	@Override
	public String toString() {
		return this.values;
	}
}
