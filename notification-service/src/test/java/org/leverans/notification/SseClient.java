package org.leverans.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A minimal EventSource over a real HTTP connection: parses {@code id}/{@code event}/{@code data} fields and
 * comment lines as they arrive, on a thread of its own.
 */
public final class SseClient implements AutoCloseable {

	private static final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private static final JsonMapper json = JsonMapper.builder().build();

	public record Message(long id, String event, JsonNode data) {

		public UUID orderId() {
			return UUID.fromString(this.data.get("orderId").asString());
		}

		public String status() {
			return this.data.get("status").asString();
		}
	}

	private final HttpResponse<InputStream> response;

	private final List<Message> messages = new CopyOnWriteArrayList<>();

	private final List<String> comments = new CopyOnWriteArrayList<>();

	private volatile boolean closed;

	private volatile boolean ended;

	private SseClient(HttpResponse<InputStream> response) {
		this.response = response;
		if (response.statusCode() == 200) {
			Thread.ofVirtual().name("sse-client").start(this::read);
		}
	}

	public static SseClient connect(int port, String token) {
		return connect(port, token, null);
	}

	public static SseClient connect(int port, String token, Long lastEventId) {
		return connectRaw(port, token, (lastEventId != null) ? Long.toString(lastEventId) : null);
	}

	/** Connects with any {@code Last-Event-ID} value, also one that is not an id. */
	public static SseClient connectRaw(int port, String token, String lastEventId) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/stream"))
			.header("Accept", "text/event-stream")
			.GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		try {
			return new SseClient(http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void read() {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(this.response.body(), StandardCharsets.UTF_8))) {
			String id = null;
			String event = null;
			StringBuilder data = null;
			String line;
			while ((line = lines.readLine()) != null) {
				if (line.isEmpty()) {
					if (data != null) {
						this.messages.add(new Message(Long.parseLong(id), event, json.readTree(data.toString())));
					}
					id = null;
					event = null;
					data = null;
				}
				else if (line.startsWith(":")) {
					this.comments.add(line.substring(1).strip());
				}
				else if (line.startsWith("id:")) {
					id = value(line);
				}
				else if (line.startsWith("event:")) {
					event = value(line);
				}
				else if (line.startsWith("data:")) {
					data = (data == null) ? new StringBuilder(value(line)) : data.append('\n').append(value(line));
				}
			}
			this.ended = true;
		}
		catch (IOException ex) {
			if (!this.closed) {
				this.comments.add("client error: " + ex.getMessage());
			}
		}
	}

	private static String value(String line) {
		String value = line.substring(line.indexOf(':') + 1);
		return value.startsWith(" ") ? value.substring(1) : value;
	}

	public int status() {
		return this.response.statusCode();
	}

	public String header(String name) {
		return this.response.headers().firstValue(name).orElse(null);
	}

	/** The whole body of a response that is not a stream, such as a problem document. */
	public String body() {
		try (InputStream body = this.response.body()) {
			return new String(body.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public List<Message> messages() {
		return List.copyOf(this.messages);
	}

	public List<Message> messagesAbout(UUID orderId) {
		return this.messages.stream().filter(message -> orderId.equals(message.orderId())).toList();
	}

	public boolean received(UUID orderId) {
		return !messagesAbout(orderId).isEmpty();
	}

	public List<String> comments() {
		return List.copyOf(this.comments);
	}

	/** Whether the server ended the stream. */
	public boolean ended() {
		return this.ended;
	}

	public long lastId() {
		return this.messages.getLast().id();
	}

	@Override
	public void close() {
		this.closed = true;
		try {
			this.response.body().close();
		}
		catch (IOException ignored) {
			// closing anyway
		}
	}
}
