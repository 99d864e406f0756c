package org.leverans.messaging;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Carries a trace across Kafka the way the outbox sends events: later, from another thread. {@link Outbox} keeps the
 * W3C {@code traceparent} of the work that records an event with the event, the relay sends it as the record's
 * {@code traceparent} header (the CloudEvents distributed tracing extension, binary mode), and {@link Inbox} runs
 * each handler in a span (kind CONSUMER) whose parent is that context. So a trace started at {@code POST /api/orders}
 * goes on through validation, credit, acceptance and shipment planning, and whatever a handler publishes carries it
 * on. Each handler is timed: {@code leverans.inbox.handled} by consumer, event type and error.
 * <p>
 * This runs once per event and consumer, the hottest path of every service, so it uses the tracer and one timer per
 * consumer, type and error directly rather than an {@code Observation}. An observation per event, with its handlers,
 * key values, long-task timer and meter lookups, cost 8 to 11 % of each consuming service's CPU at 20 orders/s
 * (docs/performance.md, session 11); the span and the timer it produced are the same as here.
 * <p>
 * Without a tracer (tracing not on the classpath) nothing is kept, and handlers are timed only.
 */
class EventTracing {

	/** The timer {@code leverans.inbox.handled} by consumer, event type and error ({@code none} or the exception). */
	static final String HANDLED = "leverans.inbox.handled";

	private static final String NO_ERROR = "none";

	private final Tracer tracer;

	private final Propagator propagator;

	private final MeterRegistry meters;

	private final Map<Timing, Timer> timers = new ConcurrentHashMap<>();

	EventTracing(Tracer tracer, Propagator propagator, MeterRegistry meters) {
		this.tracer = tracer;
		this.propagator = propagator;
		this.meters = meters;
	}

	/** The {@code traceparent} of the span in progress on this thread, or {@code null} outside a trace. */
	String currentTraceparent() {
		if (this.tracer == null || this.propagator == null) {
			return null;
		}
		Span span = this.tracer.currentSpan();
		if (span == null) {
			return null;
		}
		Map<String, String> carrier = new HashMap<>();
		this.propagator.inject(span.context(), carrier, Map::put);
		return carrier.get(CloudEventHeaders.TRACEPARENT);
	}

	/**
	 * Runs one handler as a child of the trace the record carries (or as a new trace when it carries none); an
	 * exception is recorded on the span and the timer, and passed on.
	 */
	void handle(Headers headers, EventMetadata event, String consumer, Runnable handler) {
		long start = System.nanoTime();
		Span span = startSpan(headers, event, consumer);
		String error = NO_ERROR;
		// The timer is recorded with the span in scope, so a Prometheus exemplar can name the trace.
		try (Tracer.SpanInScope scope = (span != null) ? this.tracer.withSpan(span) : null) {
			try {
				handler.run();
			}
			catch (RuntimeException | Error failure) {
				error = failure.getClass().getSimpleName();
				if (span != null) {
					span.error(failure);
				}
				throw failure;
			}
			finally {
				time(consumer, event.type(), error, System.nanoTime() - start);
			}
		}
		finally {
			if (span != null) {
				span.end();
			}
		}
	}

	private Span startSpan(Headers headers, EventMetadata event, String consumer) {
		if (this.tracer == null || this.propagator == null) {
			return null;
		}
		return this.propagator.extract(headers, EventTracing::header)
			.kind(Span.Kind.CONSUMER)
			.name(consumer + " " + event.type())
			.remoteServiceName("kafka")
			.tag("consumer", consumer)
			.tag("type", event.type())
			.tag("ce.id", event.id())
			.start();
	}

	private void time(String consumer, String type, String error, long nanos) {
		if (this.meters == null) {
			return;
		}
		this.timers.computeIfAbsent(new Timing(consumer, type, error), timing -> Timer.builder(HANDLED)
			.description("Events applied by a consumer's handler")
			.tags("consumer", timing.consumer(), "type", timing.type(), "error", timing.error())
			.register(this.meters)).record(nanos, TimeUnit.NANOSECONDS);
	}

	private static String header(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private record Timing(String consumer, String type, String error) {

		// Written out, since this key is looked up for every event: a record's generated equals and hashCode go
		// through method handles, which C1 (the JIT the local platform runs, docs/performance.md) does not inline,
		// and they showed in the profile.
		@Override
		public boolean equals(Object other) {
			return (other instanceof Timing that) && this.consumer.equals(that.consumer) && this.type.equals(that.type)
					&& this.error.equals(that.error);
		}

		@Override
		public int hashCode() {
			return 31 * (31 * this.consumer.hashCode() + this.type.hashCode()) + this.error.hashCode();
		}
	}
}
