package org.leverans.billing.testing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.leverans.contracts.Topics;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.contracts.order.OrderAccepted;
import org.leverans.contracts.order.OrderPlaced;
import org.leverans.contracts.order.RequestedDelivery;
import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.contracts.shipment.ShipmentDelivered;
import org.leverans.contracts.shipment.ShipmentLine;
import org.leverans.contracts.shipment.ShipmentPlanned;
import org.leverans.contracts.validation.DeliverySite;
import org.leverans.contracts.validation.OrderValidated;
import org.leverans.contracts.validation.PaymentTerms;
import org.leverans.contracts.validation.PricedLine;
import org.leverans.contracts.validation.Totals;
import org.leverans.testsupport.events.EventProducer;
import org.leverans.testsupport.events.TopicRecorder;
import org.leverans.testsupport.infrastructure.TestInfrastructure;
import org.leverans.testsupport.security.TestCaller;
import org.leverans.testsupport.security.TestJwts;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.awaitility.Awaitility.await;

/**
 * One Spring context for every integration test of the module: real PostgreSQL and Kafka. Each test makes its own
 * customers and orders, so tests do not share invoices. Orders are validated under the rule their
 * {@link TestOrder} names ({@code PER_SHIPMENT} unless {@link TestOrder#monthly()}); for orders validated without
 * one ({@link TestOrder#withoutRule()}) the configuration says the agreement {@code AG-MONTHLY} invoices monthly,
 * any other per shipment.
 */
@SpringBootTest(properties = { "leverans.messaging.retry-interval=50ms", "leverans.messaging.relay-interval=100ms",
		"leverans.billing.invoicing.agreements[AG-MONTHLY]=MONTHLY" })
@AutoConfigureMockMvc
public abstract class BillingServiceIntegrationTest {

	/** Everything this service publishes on its topic during the run, by customer id. */
	protected static final TopicRecorder billingEvents = TopicRecorder.of(Topics.BILLING);

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "billing");
	}

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	protected JsonMapper json;

	/** An order of a new customer, to be told to billing with {@link #accept} and delivered with {@link #deliver}. */
	protected TestOrder newOrder(String agreementNumber, String country, String freight, Line... lines) {
		UUID customerId = UUID.randomUUID();
		UUID orderId = UUID.randomUUID();
		UUID siteId = UUID.randomUUID();
		List<PricedLine> priced = new ArrayList<>();
		BigDecimal goods = BigDecimal.ZERO;
		int no = 1;
		for (Line line : lines) {
			BigDecimal total = new BigDecimal(line.unitPrice())
				.multiply(BigDecimal.valueOf(line.quantity()))
				.setScale(2, RoundingMode.HALF_EVEN);
			goods = goods.add(total);
			priced.add(new PricedLine(no++, line.sku(), line.sku() + " name", line.group(), "PCS", line.quantity(),
					"PALLET", siteId, new BigDecimal(line.unitPrice()), new BigDecimal(line.unitPrice()), total,
					LocalDate.now()));
		}
		BigDecimal freightAmount = new BigDecimal(freight);
		DeliverySite site = new DeliverySite(siteId, "Site", "Katu 1", "00100", "Helsinki", country, "Mikko", "+358");
		String orderNumber = "LV-T" + orderId.toString().substring(0, 6).toUpperCase(Locale.ROOT);
		OrderAccepted accepted = new OrderAccepted(orderId, orderNumber, customerId, "PO-" + orderNumber,
				DeliveryMode.SPLIT_ALLOWED, new RequestedDelivery(LocalDate.now(), null, null), priced, List.of(site),
				new Totals(goods, freightAmount, goods.add(freightAmount), "EUR"), Instant.now(),
				new PaymentTerms("NET_30", 30, LocalDate.now().plusDays(30)), "FLAT");
		return new TestOrder(accepted, agreementNumber, siteId, "PER_SHIPMENT");
	}

	protected void accept(TestOrder order) {
		EventProducer events = new EventProducer(this.json);
		OrderAccepted accepted = order.accepted();
		events.publish(accepted.orderId(), new OrderPlaced(accepted.orderId(), accepted.orderNumber(),
				accepted.customerId(), "anna", Instant.now(), accepted.purchaseOrderNumber(), accepted.deliveryMode(),
				accepted.requestedDelivery(), List.of(), null));
		events.publish(accepted.orderId(), validated(order));
		events.publish(accepted.orderId(), accepted);
	}

	/** What agreement-service says of the order as it validates it. */
	protected static OrderValidated validated(TestOrder order) {
		OrderAccepted accepted = order.accepted();
		return new OrderValidated(accepted.orderId(), accepted.customerId(), UUID.randomUUID(),
				order.agreementNumber(), 1, accepted.lines(), accepted.sites(), accepted.totals(),
				accepted.paymentTerms(), accepted.freightTermsCode(), true, Instant.now(), accepted.orderNumber(),
				"Test Customer Oy", order.invoicingRule());
	}

	/** Plans a shipment of the order with these (line number, quantity) pairs; returns its id. */
	protected UUID plan(TestOrder order, int shipmentsInOrder, int... lineAndQuantity) {
		UUID shipmentId = UUID.randomUUID();
		List<ShipmentLine> lines = new ArrayList<>();
		for (int i = 0; i < lineAndQuantity.length; i += 2) {
			lines.add(new ShipmentLine(lineAndQuantity[i], "SKU", lineAndQuantity[i + 1], "PALLET"));
		}
		new EventProducer(this.json).publish(order.orderId(),
				new ShipmentPlanned(shipmentId, order.orderId(), order.customerId(), order.siteId(), "nordic-freight",
						"NF" + shipmentId.toString().substring(0, 8), "PLANNED", lines,
						new DeliveryWindow(Instant.now(), Instant.now().plusSeconds(3600), "PLANNED", Instant.now()),
						shipmentsInOrder, Instant.now()));
		return shipmentId;
	}

	protected void deliver(TestOrder order, UUID shipmentId, int shipmentsInOrder) {
		deliver(order, shipmentId, shipmentsInOrder, Instant.now());
	}

	protected void deliver(TestOrder order, UUID shipmentId, int shipmentsInOrder, Instant at) {
		new EventProducer(this.json).publish(order.orderId(), new ShipmentDelivered(shipmentId, order.orderId(),
				order.customerId(), order.siteId(), "nordic-freight", "NF1", at, null, shipmentsInOrder));
	}

	/** Waits until the customer has {@code count} invoices, and returns their ids, oldest first. */
	protected List<UUID> awaitInvoices(UUID customerId, int count) {
		await().until(() -> invoiceIds(customerId).size() >= count);
		return invoiceIds(customerId);
	}

	protected List<UUID> invoiceIds(UUID customerId) {
		return this.jdbc.queryForList(
				"SELECT id FROM invoice WHERE customer_id = ? AND kind = 'INVOICE' ORDER BY number", UUID.class,
				customerId);
	}

	protected static JwtRequestPostProcessor as(TestCaller caller) {
		return TestJwts.jwt(caller);
	}

	public record Line(String sku, String group, int quantity, String unitPrice) {
	}

	/** @param invoicingRule the rule OrderValidated names, or {@code null} as before it named one */
	public record TestOrder(OrderAccepted accepted, String agreementNumber, UUID siteId, String invoicingRule) {

		public TestOrder monthly() {
			return new TestOrder(this.accepted, this.agreementNumber, this.siteId, "MONTHLY");
		}

		public TestOrder withoutRule() {
			return new TestOrder(this.accepted, this.agreementNumber, this.siteId, null);
		}

		public UUID orderId() {
			return this.accepted.orderId();
		}

		public UUID customerId() {
			return this.accepted.customerId();
		}
	}
}
