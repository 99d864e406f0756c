package org.leverans.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Every operation of the public API, as the services' own OpenAPI documents describe them: the landing page links
 * each document as {@code /api-docs/<service>}, so a new service or endpoint shows up here without anyone listing it.
 */
final class ApiOperations {

	private static final Pattern DOCUMENT_LINK = Pattern.compile("href=\"(/api-docs/[a-z0-9-]+)\"");

	private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

	private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

	private ApiOperations() {
	}

	/** The operations under {@code /api/} of every document the landing page links, read as {@code reader}. */
	static List<Operation> read(Api anonymous, Api reader) {
		Api.Response landing = anonymous.send("GET", "/", null, Map.of("Accept", "text/html"));
		List<String> documents = new ArrayList<>();
		Matcher link = DOCUMENT_LINK.matcher(landing.body());
		while (link.find()) {
			documents.add(link.group(1));
		}
		if (documents.isEmpty()) {
			throw new IllegalStateException("The landing page links no API document: " + landing);
		}
		List<Operation> operations = new ArrayList<>();
		for (String document : documents) {
			Api.Response answer = reader.get(document);
			if (answer.status() != 200) {
				throw new IllegalStateException(document + ": " + answer);
			}
			answer.json().get("paths").properties().forEach(path -> {
				if (!path.getKey().startsWith("/api/")) {
					return;
				}
				for (String method : METHODS) {
					JsonNode operation = path.getValue().get(method);
					if (operation != null) {
						operations.add(Operation.of(document, method.toUpperCase(Locale.ROOT), path.getKey(),
								operation));
					}
				}
			});
		}
		return operations;
	}

	/**
	 * One operation.
	 * @param ids the ids it takes, in path order, then the required id query parameters
	 * @param body whether it takes a request body
	 */
	record Operation(String document, String method, String template, List<Id> ids, boolean body) {

		static Operation of(String document, String method, String template, JsonNode operation) {
			List<Id> ids = new ArrayList<>();
			Matcher parameter = PATH_PARAMETER.matcher(template);
			while (parameter.find()) {
				String before = template.substring(0, parameter.start() - 1);
				String collection = before.substring(before.lastIndexOf('/') + 1);
				ids.add(new Id(parameter.group(1), singular(collection), true, format(operation, parameter.group(1))));
			}
			for (JsonNode declared : operation.path("parameters")) {
				boolean uuid = "uuid".equals(declared.path("schema").path("format").asString(""));
				if ("query".equals(declared.path("in").asString("")) && declared.path("required").asBoolean(false)
						&& uuid) {
					String name = declared.get("name").asString();
					ids.add(new Id(name, kebab(name.replaceFirst("Id$", "")), false, "uuid"));
				}
			}
			return new Operation(document, method, template, List.copyOf(ids), operation.has("requestBody"));
		}

		boolean takesId() {
			return !this.ids.isEmpty();
		}

		boolean unsafe() {
			return !this.method.equals("GET");
		}

		/**
		 * The kind of thing it acts on: that of its last id ({@code /api/webhooks/{id}/deliveries/{deliveryId}}: a
		 * delivery).
		 */
		String subject() {
			return this.ids.getLast().kind();
		}

		/** The request path with each id filled in from {@code values} (kind to value). */
		String path(Map<String, String> values) {
			StringBuilder path = new StringBuilder(this.template);
			String query = "";
			for (Id id : this.ids) {
				String value = values.get(id.kind());
				if (value == null) {
					throw new IllegalArgumentException("No " + id.kind() + " to fill in " + this);
				}
				if (id.inPath()) {
					int at = path.indexOf("{" + id.name() + "}");
					path.replace(at, at + id.name().length() + 2, value);
				}
				else {
					query += (query.isEmpty() ? "?" : "&") + id.name() + "=" + value;
				}
			}
			return path + query;
		}

		@Override
		public String toString() {
			return this.method + " " + this.template + this.ids.stream()
				.filter(id -> !id.inPath())
				.map(id -> "?" + id.name() + "=")
				.reduce("", String::concat);
		}

		/** {@code uuid}, {@code integer} or {@code string}, as the document declares the parameter. */
		private static String format(JsonNode operation, String name) {
			for (JsonNode declared : operation.path("parameters")) {
				if (name.equals(declared.path("name").asString(""))) {
					JsonNode schema = declared.path("schema");
					return schema.has("format") && schema.get("format").asString().equals("uuid") ? "uuid"
							: schema.path("type").asString("string");
				}
			}
			return "string";
		}

		private static String singular(String collection) {
			if (collection.endsWith("ies")) {
				return collection.substring(0, collection.length() - 3) + "y";
			}
			return collection.endsWith("s") ? collection.substring(0, collection.length() - 1) : collection;
		}

		private static String kebab(String camel) {
			return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
		}
	}

	/**
	 * An id an operation takes.
	 * @param kind what it names, from the collection before it in the path ({@code /orders/{id}}: an order) or from a
	 * query parameter's name ({@code orderId}: an order)
	 * @param format {@code uuid}, {@code integer} or {@code string}
	 */
	record Id(String name, String kind, boolean inPath, String format) {
	}
}
