package org.leverans.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import tools.jackson.databind.JsonNode;

/** Reads {@code GET /api/stream} (Server-Sent Events) in the background and keeps every message it received. */
final class EventStream implements AutoCloseable {

	private final List<Message> messages = new CopyOnWriteArrayList<>();

	private final Thread reader;

	private volatile InputStream body;

	private volatile int status;

	private EventStream(HttpClient http, HttpRequest request) {
		this.reader = Thread.ofVirtual().name("sse-reader").start(() -> read(http, request));
	}

	/** Connects with a bearer token, or with the browser session the client's cookies hold. */
	static EventStream open(HttpClient http, URI gateway, String bearerToken) {
		HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve("/api/stream"))
			.header("Accept", "text/event-stream");
		if (bearerToken != null) {
			request.header("Authorization", "Bearer " + bearerToken);
		}
		return new EventStream(http, request.GET().build());
	}

	private void read(HttpClient http, HttpRequest request) {
		try {
			HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
			this.status = response.statusCode();
			this.body = response.body();
			try (BufferedReader lines = new BufferedReader(new InputStreamReader(this.body, StandardCharsets.UTF_8))) {
				String id = null;
				String event = null;
				StringBuilder data = new StringBuilder();
				String line;
				while ((line = lines.readLine()) != null) {
					if (line.isEmpty()) {
						if (!data.isEmpty()) {
							this.messages.add(new Message(id, event, Api.json.readTree(data.toString())));
						}
						id = null;
						event = null;
						data.setLength(0);
					}
					else if (line.startsWith("id:")) {
						id = line.substring(3).trim();
					}
					else if (line.startsWith("event:")) {
						event = line.substring(6).trim();
					}
					else if (line.startsWith("data:")) {
						data.append(line.substring(5).trim());
					}
				}
			}
		}
		catch (IOException ex) {
			// closed by the test, or the platform went away
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	int status() {
		return this.status;
	}

	/** Waits until the server answered with the stream's headers, so nothing that happens next is missed. */
	EventStream awaitOpen() {
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> this.status != 0);
		if (this.status != 200) {
			throw new IllegalStateException("Stream answered " + this.status);
		}
		return this;
	}

	List<Message> messages() {
		return List.copyOf(this.messages);
	}

	boolean received(String event, String orderId, String status) {
		return this.messages.stream()
			.anyMatch(m -> event.equals(m.event()) && orderId.equals(m.data().path("orderId").asString(""))
					&& (status == null || status.equals(m.data().path("status").asString(""))));
	}

	@Override
	public void close() throws IOException {
		InputStream current = this.body;
		if (current != null) {
			current.close();
		}
		this.reader.interrupt();
	}

	record Message(String id, String event, JsonNode data) {
	}
}
