package org.leverans.messaging;

import java.util.List;
import java.util.UUID;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.leverans.contracts.Topics;
import org.leverans.contracts.order.OrderCancelled;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@SpringBootApplication
class MessagingTestApplication {

	/** The spans the test context finished, instead of a collector's OTLP endpoint. */
	@Bean
	InMemorySpanExporter finishedSpans() {
		return InMemorySpanExporter.create();
	}

	/** A consumer whose effect is a row per applied cancellation, so doubled effects would show. */
	@Component
	static class CancellationLedger {

		private final Inbox inbox;

		private final JdbcTemplate jdbc;

		private final EventHandlers handlers;

		/** Whether the cause of "poison until cured" has been fixed, as a person would before a replay. */
		private volatile boolean cured;

		CancellationLedger(Inbox inbox, JdbcTemplate jdbc, ObjectProvider<Tracer> tracer) {
			this.inbox = inbox;
			this.jdbc = jdbc;
			this.jdbc.execute(
					"CREATE TABLE IF NOT EXISTS cancellation (order_id UUID, reason TEXT, event_id TEXT, trace_id TEXT)");
			this.handlers = EventHandlers.named("cancellation-ledger").onEvent(OrderCancelled.class, (event, meta) -> {
				if ("poison".equals(event.reason())
						|| ("poison until cured".equals(event.reason()) && !this.cured)) {
					throw new IllegalStateException("cannot apply " + event.orderId());
				}
				// The trace the handler runs in: what it published would carry this one on.
				Span current = tracer.getObject().currentSpan();
				this.jdbc.update("INSERT INTO cancellation VALUES (?, ?, ?, ?)", event.orderId(), event.reason(),
						meta.id(), (current != null) ? current.context().traceId() : null);
			});
		}

		// A test class that needs its own stream (e.g. one that crashes the database) names another topic and group.
		@KafkaListener(topics = "${messaging-test.topic:" + Topics.ORDER + "}",
				groupId = "${messaging-test.group:messaging-test}", batch = "true")
		void on(List<ConsumerRecord<String, byte[]>> records) {
			this.inbox.receive(records, this.handlers);
		}

		void cure() {
			this.cured = true;
		}

		int applied() {
			return this.jdbc.queryForObject("SELECT count(*) FROM cancellation", Integer.class);
		}

		int distinctEventsApplied() {
			return this.jdbc.queryForObject("SELECT count(DISTINCT event_id) FROM cancellation", Integer.class);
		}

		String traceOf(UUID orderId) {
			return this.jdbc.queryForObject("SELECT trace_id FROM cancellation WHERE order_id = ?", String.class,
					orderId);
		}

		int applied(UUID orderId) {
			return this.jdbc.queryForObject("SELECT count(*) FROM cancellation WHERE order_id = ?", Integer.class,
					orderId);
		}
	}
}
