package org.leverans.deploy;

import tools.jackson.databind.JsonNode;

/** One document of the rendered chart, as the tree the schemas see and the YAML the Kubernetes model reads. */
record Manifest(String apiVersion, String kind, String name, JsonNode tree, String yaml) {

	JsonNode at(String pointer) {
		return this.tree.at(pointer);
	}

	String label(String key) {
		return this.tree.path("metadata").path("labels").path(key).asString(null);
	}

	@Override
	public String toString() {
		return this.kind + " " + this.name;
	}
}
