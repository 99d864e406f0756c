package org.leverans.messaging;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Carries a trace across Kafka the way the outbox sends events: later, from another thread. {@link Outbox} keeps the
 * W3C {@code traceparent} of the work that records an event with the event, the relay sends it as the record's
 * {@code traceparent} header (the CloudEvents distributed tracing extension, binary mode), and {@link Inbox} runs
 * each handler in an observation whose parent is that context. So a trace started at {@code POST /api/orders} goes
 * on through validation, credit, acceptance and shipment planning, and whatever a handler publishes carries it on.
 * <p>
 * Without a tracer (tracing not on the classpath) nothing is kept, and handlers are observed for their timings only.
 */
class EventTracing {

	/** Handlers' observations, and the timer {@code leverans.inbox.handled} by consumer and event type. */
	static final String HANDLED = "leverans.inbox.handled";

	private final Tracer tracer;

	private final Propagator propagator;

	private final ObservationRegistry observations;

	EventTracing(Tracer tracer, Propagator propagator, ObservationRegistry observations) {
		this.tracer = tracer;
		this.propagator = propagator;
		this.observations = observations;
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
	 * exception is recorded on the observation and passed on.
	 */
	void handle(Headers headers, EventMetadata event, String consumer, Runnable handler) {
		ReceiverContext<Headers> context = new ReceiverContext<>(EventTracing::header, Kind.CONSUMER);
		context.setCarrier(headers);
		context.setRemoteServiceName("kafka");
		Observation.createNotStarted(HANDLED, () -> context, this.observations)
			.contextualName(consumer + " " + event.type())
			.lowCardinalityKeyValue("consumer", consumer)
			.lowCardinalityKeyValue("type", event.type())
			.highCardinalityKeyValue("ce.id", event.id())
			.observe(handler);
	}

	private static String header(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}
}
