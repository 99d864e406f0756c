package org.leverans.notification.stream;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.leverans.web.caller.Caller;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One connected stream. Its own virtual thread writes to the client, so a slow client never holds up the others:
 * first the rows the client missed (read from the database), then the live rows the hub offers, skipping any it
 * already sent, so the client sees every row it may see exactly once and in id order.
 */
class StreamSubscription {

	private static final Logger logger = LoggerFactory.getLogger(StreamSubscription.class);

	private static final int REPLAY_BATCH = 500;

	private static final StreamEvent CLOSED = new StreamEvent(Long.MAX_VALUE, "", null, Set.of(), "", Instant.EPOCH);

	private final SseEmitter emitter;

	private final Caller caller;

	private final StreamViews views;

	/**
	 * What the caller may see, narrowed to what they chose; the rest is skipped (ids just jump). Rebuilt when their
	 * choices change, so the next row offered already meets the new ones.
	 */
	private volatile StreamView view;

	private final Long resumeAfter;

	private final StreamEvents streamEvents;

	private final StreamHub hub;

	private final StreamProperties properties;

	private final BlockingQueue<StreamEvent> live;

	private final AtomicBoolean open = new AtomicBoolean(true);

	/** Set when the server ends the stream (slow client, shutdown) rather than the client or the container. */
	private volatile boolean endedByServer;

	private long lastSent;

	/**
	 * @param resumeAfter the {@code Last-Event-ID} the client came back with, or {@code null} for a new client that
	 * wants only what happens from now on
	 */
	StreamSubscription(SseEmitter emitter, Caller caller, StreamViews views, Long resumeAfter,
			StreamEvents streamEvents, StreamHub hub, StreamProperties properties) {
		this.emitter = emitter;
		this.caller = caller;
		this.views = views;
		this.view = views.of(caller);
		this.resumeAfter = resumeAfter;
		this.streamEvents = streamEvents;
		this.hub = hub;
		this.properties = properties;
		this.live = new LinkedBlockingQueue<>(properties.subscriberBuffer());
	}

	void start() {
		this.emitter.onCompletion(this::close);
		this.emitter.onTimeout(() -> {
			close();
			this.emitter.complete();
		});
		this.emitter.onError(failure -> close());
		long connectedAfter = this.hub.connect(this);
		this.lastSent = (this.resumeAfter != null) ? this.resumeAfter : connectedAfter;
		Thread.ofVirtual().name("stream-" + Integer.toHexString(System.identityHashCode(this))).start(this::run);
	}

	String subject() {
		return this.caller.subject();
	}

	/** Reads the caller's choices again; rows offered from now on meet them. */
	void reload() {
		this.view = this.views.of(this.caller);
	}

	/** Called by the hub for every new row, in id order; never blocks. */
	void offer(StreamEvent event) {
		if (!this.open.get() || !this.view.shows(event)) {
			return;
		}
		if (!this.live.offer(event)) {
			// The client reads slower than events come; let it reconnect and catch up from the database.
			end();
		}
	}

	private void run() {
		try {
			this.emitter.send(SseEmitter.event()
				.reconnectTime(this.properties.reconnectDelay().toMillis())
				.comment("connected"));
			if (this.resumeAfter != null) {
				replay();
			}
			long heartbeat = this.properties.heartbeatInterval().toMillis();
			while (this.open.get()) {
				StreamEvent event = this.live.poll(heartbeat, TimeUnit.MILLISECONDS);
				if (event == CLOSED) {
					break;
				}
				if (event == null) {
					// Written as ": keep-alive"; EventSource ignores comment lines, proxies see traffic.
					this.emitter.send(SseEmitter.event().comment(" keep-alive"));
				}
				else if (event.id() > this.lastSent) {
					send(event);
				}
			}
			if (this.endedByServer) {
				this.emitter.complete();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client went away or the emitter completed meanwhile; the container reports it to onError.
			logger.debug("Stream closed while sending: {}", ex.getMessage());
			close();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			close();
		}
		catch (RuntimeException ex) {
			// E.g. the database is away during a replay: end the stream; the client retries with its last id.
			logger.warn("Ending stream after a failure: {}", ex.getMessage());
			close();
			this.emitter.completeWithError(ex);
		}
	}

	/**
	 * Sends the rows after the client's last id. Rows committed meanwhile are also waiting in the live queue; the
	 * id check there drops the ones sent here.
	 */
	private void replay() throws IOException {
		// A Last-Event-ID beyond the newest row (a client of an earlier database) would otherwise silence the
		// stream until ids caught up with it.
		this.lastSent = Math.min(this.lastSent, this.streamEvents.latestId());
		List<StreamEvent> batch;
		do {
			StreamView current = this.view;
			batch = this.streamEvents.after(this.lastSent, current.audience(), REPLAY_BATCH);
			for (StreamEvent event : batch) {
				if (current.wanted().test(event)) {
					send(event);
				}
				// Also past the ones not wanted: a batch of only those must still move the replay on.
				this.lastSent = event.id();
			}
		}
		while (batch.size() == REPLAY_BATCH && this.open.get());
	}

	private void send(StreamEvent event) throws IOException {
		this.emitter.send(SseEmitter.event()
			.id(Long.toString(event.id()))
			.name(event.name())
			.data(event.data(), MediaType.APPLICATION_JSON));
		this.lastSent = event.id();
	}

	/** Ends the stream from the server's side; the client reconnects with its Last-Event-ID. */
	void end() {
		this.endedByServer = true;
		close();
	}

	void close() {
		if (this.open.compareAndSet(true, false)) {
			this.hub.disconnect(this);
			this.live.clear();
			this.live.offer(CLOSED);
		}
	}
}
