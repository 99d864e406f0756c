package org.leverans.contracts;

import java.io.IOException;
import java.math.BigDecimal;
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
import org.leverans.contracts.agreement.AgreementActivated;
import org.leverans.contracts.agreement.AgreementChanged;
import org.leverans.contracts.agreement.AgreementEnded;
import org.leverans.contracts.billing.InvoiceIssued;
import org.leverans.contracts.billing.InvoicedOrder;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.contracts.order.OrderAccepted;
import org.leverans.contracts.order.OrderLine;
import org.leverans.contracts.order.OrderPlaced;
import org.leverans.contracts.order.RequestedDelivery;
import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.contracts.shipment.ShipmentLine;
import org.leverans.contracts.shipment.ShipmentPlanned;
import org.leverans.contracts.validation.DeliverySite;
import org.leverans.contracts.validation.OrderValidated;
import org.leverans.contracts.validation.PaymentTerms;
import org.leverans.contracts.validation.PricedLine;
import org.leverans.contracts.validation.Totals;
import tools.jackson.databind.DeserializationFeature;
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

		UUID site = UUID.randomUUID();
		DeliverySite jatkasaari = new DeliverySite(site, "Jätkäsaari", "Tyynenmerenkatu 1", "00220", "Helsinki", "FI",
				"Mikko", "+358 40 1234567");
		OrderAccepted accepted = new OrderAccepted(orderId, "LV-000123", UUID.randomUUID(), "PO-4711",
				DeliveryMode.SPLIT_ALLOWED, placed.requestedDelivery(),
				List.of(new PricedLine(1, "CEM-25KG", "Cement 25 kg", "CEMENT", "BAG", 40, "PALLET", site,
						new BigDecimal("9.90"), new BigDecimal("8.40"), new BigDecimal("336.00"),
						LocalDate.of(2026, 12, 1))),
				List.of(jatkasaari), new Totals(new BigDecimal("336.00"), new BigDecimal("95.00"),
						new BigDecimal("431.00"), "EUR"),
				Instant.now(), new PaymentTerms("NET_30", 30, LocalDate.of(2026, 12, 31)), "FREE_OVER");
		AgreementActivated activated = new AgreementActivated(UUID.randomUUID(), "AG-2026-0001", UUID.randomUUID(), 1,
				LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31), LocalDate.of(2026, 1, 1), List.of(jatkasaari));

		InvoiceIssued invoiced = new InvoiceIssued(UUID.randomUUID(), "2026-000001", UUID.randomUUID(),
				List.of(new InvoicedOrder(orderId, "LV-000123", new BigDecimal("431.00"), true)),
				new BigDecimal("431.00"), new BigDecimal("109.91"), new BigDecimal("540.91"), "EUR",
				LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), "RF712026000001", Instant.now());

		for (Object event : List.of(placed, planned, accepted, activated, invoiced)) {
			EventContract contract = event.getClass().getAnnotation(EventContract.class);
			Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
				.getSchema(this.json.writeValueAsString(schemaOf(event.getClass(), contract)));
			assertThat(schema.validate(this.json.valueToTree(event))).as(contract.type()).isEmpty();
		}
	}

	/**
	 * Consumers meet records written before a field was added (a topic read from the beginning, a dead letter
	 * replayed): they still parse, the new field {@code null}.
	 */
	@Test
	void eventsWrittenBeforeTermsAndSitesWereAddedStillParse() {
		JsonMapper lenient = this.json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		String agreement = """
				{"agreementId":"a1111111-0000-0000-0000-000000000001","number":"AG-2026-0001",
				 "customerId":"11111111-1111-1111-1111-111111111111","version":2,"validFrom":"2026-01-01",
				 "validTo":null,"effectiveFrom":"2026-06-01"}""";

		OrderAccepted accepted = lenient.readValue("""
				{"orderId":"%s","orderNumber":"LV-000123","customerId":"11111111-1111-1111-1111-111111111111",
				 "deliveryMode":"COMPLETE","lines":[],"sites":[],
				 "totals":{"goods":"10.00","freight":"0.00","total":"10.00","currency":"EUR"},
				 "acceptedAt":"2026-11-22T08:01:00Z"}""".formatted(UUID.randomUUID()), OrderAccepted.class);
		assertThat(accepted.orderNumber()).isEqualTo("LV-000123");
		assertThat(accepted.paymentTerms()).isNull();
		assertThat(accepted.freightTermsCode()).isNull();
		OrderValidated validated = lenient.readValue("""
				{"orderId":"%s","customerId":"11111111-1111-1111-1111-111111111111",
				 "agreementNumber":"AG-2026-0001","agreementVersion":1,"lines":[],"sites":[],
				 "splitDeliveryAllowed":true,"validatedAt":"2026-11-22T08:00:00Z"}""".formatted(UUID.randomUUID()),
				OrderValidated.class);
		assertThat(validated.agreementNumber()).isEqualTo("AG-2026-0001");
		assertThat(validated.invoicingRule()).isNull();
		for (Class<?> type : List.of(AgreementActivated.class, AgreementChanged.class, AgreementEnded.class)) {
			assertThat(lenient.readValue(agreement, type)).as(type.getSimpleName())
				.hasFieldOrPropertyWithValue("version", 2)
				.hasFieldOrPropertyWithValue("sites", null);
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
