package org.leverans.agreement.validation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.leverans.agreement.approval.ApprovalGate;
import org.leverans.agreement.approval.OrderEndings;
import org.leverans.contracts.Reason;
import org.leverans.contracts.Topics;
import org.leverans.contracts.order.OrderPlaced;
import org.leverans.messaging.EventHandlers;
import org.leverans.messaging.EventMetadata;
import org.leverans.messaging.Inbox;
import org.leverans.messaging.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Step 2 of the order flow: every placed order is checked against the customer's agreement and priced, and the
 * outcome is published on {@code leverans.order-validation.v1}, in the inbox transaction that remembers the event.
 * An order that fits the agreement but is above a spending limit waits for approval instead ({@link ApprovalGate}).
 */
@Component
class OrderValidation {

	private static final Logger logger = LoggerFactory.getLogger(OrderValidation.class);

	private final Inbox inbox;

	private final Outbox outbox;

	private final Quotation quotation;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApprovalGate approvals;

	private final EventHandlers handlers;

	private final EventHandlers orderEndings;

	OrderValidation(Inbox inbox, Outbox outbox, Quotation quotation, JdbcClient jdbc, Clock clock,
			ApprovalGate approvals, OrderEndings orderEndings) {
		this.inbox = inbox;
		this.outbox = outbox;
		this.quotation = quotation;
		this.jdbc = jdbc;
		this.clock = clock;
		this.approvals = approvals;
		this.handlers = EventHandlers.named("order-validation").onEvent(OrderPlaced.class, this::validate);
		this.orderEndings = orderEndings.handlers();
	}

	@KafkaListener(topics = Topics.ORDER, batch = "true")
	void on(List<ConsumerRecord<String, byte[]>> records) {
		this.inbox.receive(records, this.handlers, this.orderEndings);
	}

	void validate(OrderPlaced order, EventMetadata metadata) {
		Instant now = this.clock.instant();
		// Priced on the day it was placed, in the customer's time zone: a late validation charges the same.
		Instant placedAt = (order.placedAt() != null) ? order.placedAt() : now;
		Quotation.Quote quote = this.quotation.quote(order.customerId(), order.deliveryMode(),
				order.requestedDelivery(), order.lines(), placedAt);
		OrderValidator.Outcome outcome = OrderValidator.decide(order, quote.agreement(), quote.assessment(), now);
		if (!remember(order, outcome, metadata, now)) {
			// The same order placed again under another event id: its first validation stands.
			logger.info("Order {} was already validated; ignoring event {}", order.orderId(), metadata.id());
			return;
		}
		switch (outcome) {
			case OrderValidator.Outcome.Validated validated -> this.outbox.publish(order.orderId(), order.orderId(),
					this.approvals.admit(order, validated.event(), quote.orderDate()));
			case OrderValidator.Outcome.Failed failed -> this.outbox.publish(order.orderId(), order.orderId(),
					failed.event());
		}
	}

	private boolean remember(OrderPlaced order, OrderValidator.Outcome outcome, EventMetadata metadata, Instant now) {
		String[] codes;
		Object agreementId = null;
		Integer version = null;
		Object total = null;
		String currency = null;
		String result;
		if (outcome instanceof OrderValidator.Outcome.Validated validated) {
			result = "VALIDATED";
			codes = new String[0];
			agreementId = validated.event().agreementId();
			version = validated.event().agreementVersion();
			total = validated.event().totals().total();
			currency = validated.event().totals().currency();
		}
		else {
			result = "FAILED";
			codes = ((OrderValidator.Outcome.Failed) outcome).event()
				.reasons()
				.stream()
				.map(Reason::code)
				.distinct()
				.toArray(String[]::new);
		}
		return this.jdbc.sql("""
				INSERT INTO order_validation (order_id, customer_id, agreement_id, agreement_version, outcome,
				    reason_codes, total, currency, source_event_id, validated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (order_id) DO NOTHING""")
			.params(order.orderId(), order.customerId(), agreementId, version, result, codes, total, currency,
					metadata.id(), Timestamp.from(now))
			.update() == 1;
	}
}
