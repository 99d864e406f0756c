package org.leverans.testsupport.events;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

/**
 * A record a service published, as its consumers see it: key, CloudEvents id, type and subject, and the JSON body
 * (a body that is not JSON comes as one text node, so a dead letter can be looked at too).
 */
public record ReceivedEvent(String key, String id, String type, String subject, JsonNode body) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public static ReceivedEvent of(ConsumerRecord<String, byte[]> record) {
		return new ReceivedEvent(record.key(), TopicProbe.header(record, "ce_id"), TopicProbe.header(record, "ce_type"),
				TopicProbe.header(record, "ce_subject"), body(record.value()));
	}

	private static JsonNode body(byte[] value) {
		try {
			return JSON.readTree(value);
		}
		catch (JacksonException ex) {
			return StringNode.valueOf(new String(value, StandardCharsets.UTF_8));
		}
	}
}
