package org.leverans.testsupport.events;

import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.leverans.contracts.Topics;
import org.leverans.contracts.order.OrderCancelled;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CloudEventRecordTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void anEventGoesOnItsContractsTopicUnderItsTypeKeyedAndWithEveryCloudEventsHeader() {
		UUID orderId = UUID.randomUUID();
		ProducerRecord<String, byte[]> record = CloudEventRecord
			.of(orderId, new OrderCancelled(orderId, "LV-1", UUID.randomUUID(), "anna", "changed plans", Instant.now()),
					this.json)
			.id("event-1")
			.toProducerRecord();

		assertThat(record.topic()).isEqualTo(Topics.ORDER);
		assertThat(record.key()).isEqualTo(orderId.toString());
		assertThat(header(record, "ce_id")).isEqualTo("event-1");
		assertThat(header(record, "ce_type")).isEqualTo("leverans.order.cancelled.v1");
		assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
		assertThat(header(record, "ce_source")).isEqualTo("/leverans/test");
		assertThat(header(record, "ce_subject")).isEqualTo(orderId.toString());
		assertThat(Instant.parse(header(record, "ce_time"))).isBeforeOrEqualTo(Instant.now());
		assertThat(header(record, "content-type")).isEqualTo("application/json");
		assertThat(this.json.readTree(record.value()).path("reason").asString()).isEqualTo("changed plans");
	}

	@Test
	void eachRecordGetsANewIdUnlessTheTestNamesOne() {
		assertThat(CloudEventRecord.of("topic", "key", "type", "{}").id())
			.isNotEqualTo(CloudEventRecord.of("topic", "key", "type", "{}").id());
	}

	@Test
	void aBodyThatIsNotAContractEventNeedsTheContractTypeToBeNamed() {
		assertThatIllegalArgumentException().isThrownBy(() -> CloudEventRecord.of("key", "not an event", this.json))
			.withMessageContaining("@EventContract");
	}

	private static String header(ProducerRecord<?, ?> record, String name) {
		return new String(record.headers().lastHeader(name).value());
	}
}
