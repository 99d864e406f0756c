package org.leverans.testsupport.infrastructure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestInfrastructureIntegrationTest {

	@Test
	void givesEachCallerItsOwnEmptyDatabase() throws Exception {
		String first = TestInfrastructure.newDatabase("probe");
		String second = TestInfrastructure.newDatabase("probe");
		assertThat(first).isNotEqualTo(second);
		try (Connection connection = DriverManager.getConnection(first, "postgres", "postgres")) {
			connection.createStatement().execute("CREATE TABLE only_here (id int)");
		}
		try (Connection connection = DriverManager.getConnection(second, "postgres", "postgres");
				ResultSet tables = connection.getMetaData().getTables(null, "public", "only_here", null)) {
			assertThat(tables.next()).isFalse();
		}
	}

	@Test
	void runsARealKafkaBroker() throws Exception {
		String servers = TestInfrastructure.kafkaBootstrapServers();
		try (var producer = new KafkaProducer<String, String>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>("probe", "k", "hello")).get();
		}
		try (var consumer = new KafkaConsumer<String, String>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
				ConsumerConfig.GROUP_ID_CONFIG, "probe", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of("probe"));
			ConsumerRecords<String, String> records = ConsumerRecords.empty();
			for (int i = 0; i < 20 && records.isEmpty(); i++) {
				records = consumer.poll(Duration.ofMillis(500));
			}
			assertThat(records.iterator().next().value()).isEqualTo("hello");
		}
	}
}
