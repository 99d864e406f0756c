package org.leverans.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
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

	private static final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

	private static final Map<String, Schema> schemas = new ConcurrentHashMap<>();

	private ManifestSchemas() {
	}

	/** What the schema of the manifest's kind finds wrong with it; empty when it is valid. */
	static List<String> problems(Manifest manifest) {
		String file = fileOf(manifest.apiVersion(), manifest.kind());
		if (ManifestSchemas.class.getResource("/schemas/" + file + ".json") == null) {
			return List.of("no schema kept for " + manifest.apiVersion() + " " + manifest.kind());
		}
		Schema schema = schemas.computeIfAbsent(file, ManifestSchemas::load);
		return schema.validate(manifest.tree()).stream().map(error -> error.toString()).toList();
	}

	/** As extract.py names them: kind, the group's first label (none for the core group), version. */
	static String fileOf(String apiVersion, String kind) {
		int slash = apiVersion.indexOf('/');
		String group = (slash < 0) ? "" : apiVersion.substring(0, slash).split("\\.")[0] + "-";
		return kind.toLowerCase(Locale.ROOT) + "-" + group + apiVersion.substring(slash + 1);
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
