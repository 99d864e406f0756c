package org.leverans.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.leverans.contracts.EventContract;
import org.leverans.contracts.Reason;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.contracts.order.OrderLine;
import org.leverans.contracts.order.OrderPlaced;
import org.leverans.contracts.order.OrderRejected;
import org.leverans.contracts.order.RequestedDelivery;
import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.contracts.shipment.DeliveryWindowChanged;
import org.leverans.contracts.shipment.ShipmentLine;
import org.leverans.contracts.shipment.ShipmentPlanned;
import org.leverans.contracts.shipment.ShipmentUpdated;
import org.leverans.messaging.CloudEventHeaders;
import org.leverans.testsupport.infrastructure.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes contract events the way the writing services' outbox relays do: JSON body, CloudEvents binary-mode
 * headers, the order id as key.
 */
public final class TestEvents implements AutoCloseable {

	private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
			Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
					ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
					ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
					ProducerConfig.ACKS_CONFIG, "all"));

	private final JsonMapper json;

	public TestEvents(JsonMapper json) {
		this.json = json;
	}

	/** Publishes an event under a new CloudEvents id and returns that id. */
	public String publish(UUID orderId, Object event) {
		String eventId = UUID.randomUUID().toString();
		publish(orderId, event, eventId);
		return eventId;
	}

	/** Publishes an event under the given CloudEvents id, as a redelivery would. */
	public void publish(UUID orderId, Object event, String eventId) {
		EventContract contract = event.getClass().getAnnotation(EventContract.class);
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(contract.topic(), orderId.toString(),
				this.json.writeValueAsBytes(event));
		header(record, CloudEventHeaders.ID, eventId);
		header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
		header(record, CloudEventHeaders.TYPE, contract.type());
		header(record, CloudEventHeaders.SOURCE, "/leverans/test");
		header(record, CloudEventHeaders.TIME, Instant.now().toString());
		header(record, CloudEventHeaders.SUBJECT, orderId.toString());
		header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
		try {
			this.producer.send(record).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

	private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
		record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
	}

	public static OrderPlaced placed(UUID orderId, UUID customerId, UUID... siteIds) {
		List<OrderLine> lines = new ArrayList<>();
		for (int i = 0; i < siteIds.length; i++) {
			lines.add(new OrderLine(i + 1, "CEM-25KG", 40, "PALLET", siteIds[i]));
		}
		return new OrderPlaced(orderId, number(orderId), customerId, "anna", Instant.parse("2026-11-22T08:00:00Z"),
				"PO-4711", DeliveryMode.SPLIT_ALLOWED,
				new RequestedDelivery(LocalDate.parse("2026-12-03"), LocalTime.of(7, 0),
						LocalTime.of(9, 0)),
				lines, null);
	}

	public static OrderRejected rejected(UUID orderId, UUID customerId, Reason... reasons) {
		return new OrderRejected(orderId, number(orderId), customerId, List.of(reasons),
				Instant.parse("2026-11-22T08:01:00Z"));
	}

	/** A planned two-hour delivery window from {@code from}. */
	public static DeliveryWindow window(Instant from) {
		return new DeliveryWindow(from, from.plus(Duration.ofHours(2)), "PLANNED", Instant.now());
	}

	/** A pallet of cement planned with nordic-freight, in a two-hour window from {@code from}. */
	public static ShipmentPlanned shipmentPlanned(UUID shipmentId, UUID orderId, UUID customerId, UUID siteId,
			String trackingNumber, Instant from) {
		return new ShipmentPlanned(shipmentId, orderId, customerId, siteId, "nordic-freight", trackingNumber,
				"PLANNED", List.of(new ShipmentLine(1, "CEM-25KG", 40, "PALLET")), window(from), 1, Instant.now());
	}

	/** The shipment's two-hour window moved, in transit. */
	public static DeliveryWindowChanged windowChanged(UUID shipmentId, UUID orderId, UUID customerId, UUID siteId,
			Instant from, Instant previousFrom) {
		return new DeliveryWindowChanged(shipmentId, orderId, customerId, siteId, "IN_TRANSIT", window(from),
				window(previousFrom));
	}

	public static ShipmentUpdated shipmentUpdated(UUID orderId, UUID customerId, UUID siteId, String status) {
		DeliveryWindow window = new DeliveryWindow(Instant.parse("2026-12-03T05:00:00Z"),
				Instant.parse("2026-12-03T07:00:00Z"), "PLANNED", Instant.parse("2026-11-22T08:02:00Z"));
		return new ShipmentUpdated(UUID.randomUUID(), orderId, customerId, siteId, "nordic-freight", "NF0000000001",
				status, status, Instant.parse("2026-12-03T04:30:00Z"), window);
	}

	/** Order numbers are not unique here, but readable in failures. */
	public static String number(UUID orderId) {
		return "LV-" + orderId.toString().substring(0, 6);
	}

	@Override
	public void close() {
		this.producer.close();
	}
}
