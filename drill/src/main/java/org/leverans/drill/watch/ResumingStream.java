package org.leverans.drill.watch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.leverans.bench.load.Tokens;

/**
 * A buyer's live stream ({@code GET /api/stream}) kept open for the whole drill, as the pages keep it: when it ends
 * or goes quiet (the gateway or notification-service killed), it reconnects with {@code Last-Event-ID} set to the
 * last id it saw, so the platform owes it every message in between. It keeps every id it received, to be checked
 * against the stream's own table.
 */
public final class ResumingStream implements AutoCloseable {

	/* Heartbeats come every 15 s; a stream silent for longer has lost its connection without noticing. */
	private static final Duration SILENCE = Duration.ofSeconds(40);

	private final HttpClient http;

	private final URI gateway;

	private final Tokens tokens;

	private final String client;

	private final List<Long> received = new CopyOnWriteArrayList<>();

	private final List<Instant> resumes = new CopyOnWriteArrayList<>();

	private final Thread reader;

	private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
			Thread.ofPlatform().name("drill-stream-watchdog").daemon().factory());

	private volatile String token;

	private volatile long lastId = -1;

	private volatile long lastLineNanos = System.nanoTime();

	private volatile InputStream body;

	private volatile boolean open = true;

	private ResumingStream(HttpClient http, URI gateway, Tokens tokens, String client) throws Exception {
		this.http = http;
		this.gateway = gateway;
		this.tokens = tokens;
		this.client = client;
		this.token = tokens.of(client);
		this.reader = Thread.ofPlatform().name("drill-stream").daemon().start(this::read);
		this.watchdog.scheduleWithFixedDelay(this::cutIfSilent, 5, 5, TimeUnit.SECONDS);
	}

	/** Opens the stream of the API client {@code client} (a buyer's ERP sees its company's changes). */
	public static ResumingStream open(HttpClient http, URI gateway, Tokens tokens, String client) throws Exception {
		return new ResumingStream(http, gateway, tokens, client);
	}

	private void read() {
		while (this.open) {
			try {
				HttpRequest.Builder request = HttpRequest.newBuilder(this.gateway.resolve("/api/stream"))
					.header("Accept", "text/event-stream")
					.header("Authorization", "Bearer " + this.token);
				if (this.lastId >= 0) {
					request.header("Last-Event-ID", String.valueOf(this.lastId));
				}
				HttpResponse<InputStream> response = this.http.send(request.build(),
						HttpResponse.BodyHandlers.ofInputStream());
				this.body = response.body();
				this.lastLineNanos = System.nanoTime();
				if (response.statusCode() == 401) {
					renewToken();
				}
				if (response.statusCode() == 200) {
					if (this.lastId >= 0) {
						this.resumes.add(Instant.now());
					}
					readEvents(response.body());
				}
				response.body().close();
			}
			catch (IOException ex) {
				// cut: by a crash behind it, or by the watchdog
			}
			catch (InterruptedException ex) {
				return;
			}
			pause();
		}
	}

	private void readEvents(InputStream stream) throws IOException {
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				this.lastLineNanos = System.nanoTime();
				if (line.startsWith("id:")) {
					long id = Long.parseLong(line.substring(3).trim());
					this.received.add(id);
					this.lastId = Math.max(this.lastId, id);
				}
			}
		}
	}

	private void renewToken() {
		try {
			this.token = this.tokens.of(this.client);
		}
		catch (Exception ex) {
			// the auth-server is away; the old token is tried again
		}
	}

	private void cutIfSilent() {
		InputStream current = this.body;
		if (current != null && System.nanoTime() - this.lastLineNanos > SILENCE.toNanos()) {
			try {
				current.close();
			}
			catch (IOException ex) {
				// closing is all that was wanted
			}
		}
	}

	private void pause() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.open = false;
		}
	}

	/** Every id received, in the order received, duplicates included. */
	public List<Long> received() {
		return List.copyOf(this.received);
	}

	/** When the stream was opened again with {@code Last-Event-ID}. */
	public List<Instant> resumes() {
		return List.copyOf(this.resumes);
	}

	/** The lowest and highest id received, or empty if none came. */
	public List<Long> range() {
		List<Long> ids = new ArrayList<>(received());
		return ids.isEmpty() ? List.of()
				: List.of(ids.stream().mapToLong(Long::longValue).min().orElseThrow(),
						ids.stream().mapToLong(Long::longValue).max().orElseThrow());
	}

	@Override
	public void close() {
		this.open = false;
		this.watchdog.shutdownNow();
		this.reader.interrupt();
		InputStream current = this.body;
		if (current != null) {
			try {
				current.close();
			}
			catch (IOException ex) {
				// closing is all that was wanted
			}
		}
	}
}
