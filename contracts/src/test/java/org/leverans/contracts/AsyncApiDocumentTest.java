package org.leverans.contracts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI 3 document of the events (src/main/resources/asyncapi/leverans-events.json), generated from the
 * {@link EventContract} records and their committed JSON Schemas, so it can never say other than the code. When an
 * event or a schema changes, regenerate with {@code ./mvnw -pl contracts test -Dcontracts.update-schemas=true}
 * (schemas first, then this document, in one run) and review the diff.
 */
class AsyncApiDocumentTest {

	static final Path DOCUMENT = Path.of("src/main/resources/asyncapi/leverans-events.json");

	private static final Path SCHEMAS = Path.of("src/main/resources/schemas");

	/** Who writes each topic and what its records are keyed by, as {@link Topics} says. */
	private static final Map<String, String[]> WRITERS = Map.of(Topics.ORDER,
			new String[] { "order-service", "the order id" }, Topics.ORDER_VALIDATION,
			new String[] { "agreement-service", "the order id" }, Topics.AGREEMENT,
			new String[] { "agreement-service", "the agreement id" }, Topics.CREDIT,
			new String[] { "credit-service", "the order id" }, Topics.SHIPMENT,
			new String[] { "delivery-service", "the order id" }, Topics.BILLING,
			new String[] { "billing-service", "the customer id" });

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theCommittedDocumentDescribesEveryTopicAndEventAsTheCodeDoes() throws IOException {
		String expected = this.json.writerWithDefaultPrettyPrinter().writeValueAsString(document()) + "\n";
		if (Boolean.getBoolean("contracts.update-schemas")) {
			Files.createDirectories(DOCUMENT.getParent());
			Files.writeString(DOCUMENT, expected);
		}
		assertThat(Files.exists(DOCUMENT) ? Files.readString(DOCUMENT) : "")
			.as("%s is out of date; regenerate with -Dcontracts.update-schemas=true", DOCUMENT)
			.isEqualTo(expected);
	}

	@Test
	void everyTopicIsAChannelAndEveryEventTypeAMessageOnItsTopic() throws IOException {
		JsonNode document = this.json.readTree(DOCUMENT.toFile());

		assertThat(document.get("asyncapi").asString()).isEqualTo("3.0.0");
		for (String topic : Topics.ALL) {
			assertThat(document.get("channels").get(topic).get("address").asString()).isEqualTo(topic);
		}
		for (Class<?> event : EventSchemasTest.events()) {
			EventContract contract = event.getAnnotation(EventContract.class);
			assertThat(document.get("channels").get(contract.topic()).get("messages").has(contract.type()))
				.as(contract.type())
				.isTrue();
			assertThat(document.get("components").get("messages").get(contract.type()).get("payload"))
				.isEqualTo(this.json.readTree(SCHEMAS.resolve(contract.type() + ".json").toFile()));
		}
	}

	private ObjectNode document() throws IOException {
		ObjectNode document = this.json.createObjectNode();
		document.put("asyncapi", "3.0.0");
		ObjectNode info = document.putObject("info");
		info.put("title", "Leverans events");
		info.put("version", "1");
		info.put("description", "The events the Leverans services exchange through Kafka. Each topic is written by "
				+ "one service through its transactional outbox; CloudEvents 1.0 in binary mode: the attributes are "
				+ "ce_-prefixed headers, the value is the event's JSON. Readers ignore fields they do not know. "
				+ "Generated from org.leverans.contracts by AsyncApiDocumentTest.");
		document.put("defaultContentType", "application/json");
		ObjectNode server = document.putObject("servers").putObject("kafka");
		server.put("host", "localhost:9092");
		server.put("protocol", "kafka");
		server.put("description", "The local platform's broker (./leverans up); KAFKA_BOOTSTRAP_SERVERS elsewhere");

		Map<String, List<String>> typesByTopic = new LinkedHashMap<>();
		for (String topic : Topics.ALL) {
			typesByTopic.put(topic, new ArrayList<>());
		}
		ObjectNode messages = this.json.createObjectNode();
		for (Class<?> event : EventSchemasTest.events()) {
			EventContract contract = event.getAnnotation(EventContract.class);
			typesByTopic.get(contract.topic()).add(contract.type());
			ObjectNode message = messages.putObject(contract.type());
			message.put("name", contract.type());
			message.put("title", event.getSimpleName());
			message.put("contentType", "application/json");
			message.putObject("headers").put("$ref", "#/components/schemas/CloudEventHeaders");
			message.set("payload", this.json.readTree(SCHEMAS.resolve(contract.type() + ".json").toFile()));
			ObjectNode key = message.putObject("bindings").putObject("kafka").putObject("key");
			key.put("type", "string");
			key.put("description", WRITERS.get(contract.topic())[1]);
		}

		ObjectNode channels = document.putObject("channels");
		ObjectNode operations = document.putObject("operations");
		for (Map.Entry<String, List<String>> topic : typesByTopic.entrySet()) {
			ObjectNode channel = channels.putObject(topic.getKey());
			channel.put("address", topic.getKey());
			channel.put("description", "Written by " + WRITERS.get(topic.getKey())[0] + ", keyed by "
					+ WRITERS.get(topic.getKey())[1] + ". Records that fail their retries go to "
					+ Topics.deadLetterOf(topic.getKey()) + ".");
			ObjectNode channelMessages = channel.putObject("messages");
			ObjectNode operation = operations.putObject("send-" + topic.getKey());
			operation.put("action", "send");
			operation.put("summary", WRITERS.get(topic.getKey())[0] + " publishes through its outbox");
			operation.putObject("channel").put("$ref", "#/channels/" + topic.getKey());
			ArrayNode operationMessages = operation.putArray("messages");
			for (String type : topic.getValue()) {
				channelMessages.putObject(type).put("$ref", "#/components/messages/" + type);
				operationMessages.addObject().put("$ref", "#/channels/" + topic.getKey() + "/messages/" + type);
			}
		}

		ObjectNode components = document.putObject("components");
		components.set("messages", messages);
		components.putObject("schemas").set("CloudEventHeaders", cloudEventHeaders());
		return document;
	}

	private ObjectNode cloudEventHeaders() {
		ObjectNode headers = this.json.createObjectNode();
		headers.put("type", "object");
		ObjectNode properties = headers.putObject("properties");
		header(properties, "ce_id", "the event's id; consumers apply each id once");
		header(properties, "ce_type", "the event type, e.g. leverans.order.placed.v1");
		header(properties, "ce_source", "/leverans/<service>");
		header(properties, "ce_specversion", "1.0");
		header(properties, "ce_time", "when it happened (RFC 3339)");
		header(properties, "ce_subject", "what it is about: an order, shipment, agreement or invoice id");
		header(properties, "content-type", "application/json");
		header(properties, "traceparent", "W3C trace context of the work that recorded the event, when traced");
		headers.putArray("required").add("ce_id").add("ce_type").add("ce_source").add("ce_specversion");
		return headers;
	}

	private static void header(ObjectNode properties, String name, String description) {
		ObjectNode header = properties.putObject(name);
		header.put("type", "string");
		header.put("description", description);
	}
}
