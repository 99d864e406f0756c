package org.leverans.bench.partner;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How long a carrier's event takes to reach a buyer who watches: the buyer's live stream ({@code GET /api/stream}) is
 * open, and each probe event, told apart by its {@code occurredAt}, is timed from its POST to its arrival on the
 * stream.
 */
public final class LiveStreamProbe implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final UUID shipment;

	private final Map<Instant, Long> sentNanos = new ConcurrentHashMap<>();

	private final List<Double> latencies = new CopyOnWriteArrayList<>();

	private final AtomicInteger sent = new AtomicInteger();

	private final Thread reader;

	private volatile boolean open = true;

	/** @param buyerToken a token of the shipment's customer, whose stream carries its changes */
	public LiveStreamProbe(HttpClient http, URI gateway, String buyerToken, UUID shipment) {
		this.shipment = shipment;
		HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/stream"))
			.header("Authorization", "Bearer " + buyerToken)
			.header("Accept", "text/event-stream")
			.build();
		this.reader = Thread.ofVirtual().name("live-stream-probe").start(() -> read(http, request));
	}

	/** Records that a probe event with this {@code occurredAt} is being posted now. */
	public void sending(Instant occurredAt) {
		this.sent.incrementAndGet();
		this.sentNanos.put(occurredAt, System.nanoTime());
	}

	/** The probe was not applied (shed, refused): it will never reach the stream and is not counted. */
	public void refused(Instant occurredAt) {
		if (this.sentNanos.remove(occurredAt) != null) {
			this.sent.decrementAndGet();
		}
	}

	/** Probes the platform applied (or has not answered yet). */
	public int sent() {
		return this.sent.get();
	}

	/** Milliseconds from POST to the stream, one per probe that arrived. */
	public List<Double> latencies() {
		return List.copyOf(this.latencies);
	}

	private void read(HttpClient http, HttpRequest request) {
		String id = this.shipment.toString();
		while (this.open) {
			try {
				HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
				try (Stream<String> lines = response.body()) {
					lines.filter(line -> line.startsWith("data:") && line.contains(id)).forEach(this::arrived);
				}
			}
			catch (Exception ex) {
				if (!this.open) {
					return;
				}
				// The stream ended (a token's lifetime, a restart): open it again, as the pages do.
			}
		}
	}

	private void arrived(String line) {
		long now = System.nanoTime();
		JsonNode data = JSON.readTree(line.substring("data:".length()));
		JsonNode occurredAt = data.get("occurredAt");
		if (occurredAt == null || !this.shipment.toString().equals(data.path("shipmentId").asString())) {
			return;
		}
		// The first message about the probe counts; a window change it caused comes after it.
		Long sent = this.sentNanos.remove(Instant.parse(occurredAt.asString()));
		if (sent != null) {
			this.latencies.add((now - sent) / 1e6);
		}
	}

	@Override
	public void close() {
		this.open = false;
		this.reader.interrupt();
	}
}
