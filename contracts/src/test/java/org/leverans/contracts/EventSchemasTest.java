package org.leverans.contracts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.contracts.order.OrderLine;
import org.leverans.contracts.order.OrderPlaced;
import org.leverans.contracts.order.RequestedDelivery;
import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.contracts.shipment.ShipmentLine;
import org.leverans.contracts.shipment.ShipmentPlanned;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event payload has a committed JSON Schema (src/main/resources/schemas/&lt;type&gt;.json) that matches its
 * record. When a record changes, regenerate with
 * {@code ./mvnw -pl contracts test -Dcontracts.update-schemas=true} and review the diff: a change that is not
 * backwards compatible needs a new type version instead.
 */
class EventSchemasTest {

	private static final Path SCHEMAS = Path.of("src/main/resources/schemas");

	private final JsonMapper json = JsonMapper.builder().build();

	private final SchemaGenerator generator = new SchemaGenerator(
			new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
				.with(Option.ADDITIONAL_FIXED_TYPES, Option.EXTRA_OPEN_API_FORMAT_VALUES)
				.build());

	@Test
	void everyEventHasAnUpToDateSchema() throws IOException {
		boolean update = Boolean.getBoolean("contracts.update-schemas");
		List<String> stale = new ArrayList<>();
		for (Class<?> event : events()) {
			EventContract contract = event.getAnnotation(EventContract.class);
			String expected = this.json.writerWithDefaultPrettyPrinter().writeValueAsString(schemaOf(event, contract)) + "\n";
			Path file = SCHEMAS.resolve(contract.type() + ".json");
			if (update) {
				Files.createDirectories(SCHEMAS);
				Files.writeString(file, expected);
			}
			else if (!Files.exists(file) || !Files.readString(file).equals(expected)) {
				stale.add(file.toString());
			}
		}
		assertThat(stale).as("schemas out of date; regenerate with -Dcontracts.update-schemas=true").isEmpty();
	}

	@Test
	void eventTypesAreVersionedUniqueAndWrittenToKnownTopics() throws IOException {
		Set<String> types = new HashSet<>();
		for (Class<?> event : events()) {
			EventContract contract = event.getAnnotation(EventContract.class);
			assertThat(contract.type()).matches("leverans\\.[a-z-]+\\.[a-z-]+\\.v\\d+");
			assertThat(Topics.ALL).contains(contract.topic());
			assertThat(types.add(contract.type())).as("duplicate type " + contract.type()).isTrue();
		}
		assertThat(types).hasSizeGreaterThanOrEqualTo(20);
	}

	@Test
	void serializedEventsMatchTheirSchemas() {
		UUID orderId = UUID.randomUUID();
		OrderPlaced placed = new OrderPlaced(orderId, "LV-000123", UUID.randomUUID(), "anna", Instant.now(), "PO-4711",
				DeliveryMode.SPLIT_ALLOWED, new RequestedDelivery(LocalDate.of(2026, 12, 3), LocalTime.of(7, 0),
						LocalTime.of(9, 0)),
				List.of(new OrderLine(1, "CEM-25KG", 40, "PALLET", UUID.randomUUID())), "Crane on site 7–9");
		ShipmentPlanned planned = new ShipmentPlanned(UUID.randomUUID(), orderId, UUID.randomUUID(), UUID.randomUUID(),
				"nordic-freight", "NF0000000001", "PLANNED", List.of(new ShipmentLine(1, "CEM-25KG", 40, "PALLET")),
				new DeliveryWindow(Instant.now(), Instant.now().plusSeconds(7200), "PLANNED", Instant.now()), 1,
				Instant.now());

		for (Object event : List.of(placed, planned)) {
			EventContract contract = event.getClass().getAnnotation(EventContract.class);
			Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
				.getSchema(this.json.writeValueAsString(schemaOf(event.getClass(), contract)));
			assertThat(schema.validate(this.json.valueToTree(event))).as(contract.type()).isEmpty();
		}
	}

	private ObjectNode schemaOf(Class<?> event, EventContract contract) {
		ObjectNode schema = this.generator.generateSchema(event);
		schema.put("$id", "https://leverans.org/schemas/" + contract.type() + ".json");
		schema.put("title", contract.type());
		schema.put("description", "Written to " + contract.topic() + " by the owning service; CloudEvents binary mode, "
				+ "this is the JSON data.");
		return schema;
	}

	static List<Class<?>> events() throws IOException {
		Path classes = Path.of("target/classes");
		try (Stream<Path> files = Files.walk(classes)) {
			return files.filter(file -> file.toString().endsWith(".class"))
				.map(file -> classes.relativize(file).toString().replace('/', '.').replace(".class", ""))
				.map(EventSchemasTest::load)
				.filter(type -> type.isAnnotationPresent(EventContract.class))
				.sorted((a, b) -> a.getName().compareTo(b.getName()))
				.toList();
		}
	}

	private static Class<?> load(String name) {
		try {
			return Class.forName(name);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
