package org.leverans.notification.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;


import org.leverans.web.caller.Caller;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code GET /api/stream}: Server-Sent Events with every change the caller may see, live and resumable. */
@RestController
class StreamController {

	private final StreamEvents streamEvents;

	private final StreamHub hub;

	private final StreamProperties properties;

	private final Clock clock;

	private final StreamViews views;

	StreamController(StreamEvents streamEvents, StreamHub hub, StreamProperties properties, Clock clock,
			StreamViews views) {
		this.views = views;
		this.streamEvents = streamEvents;
		this.hub = hub;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @param lastEventId sent by an EventSource when it reconnects
	 * @param resumeAfter the same for clients that cannot set headers on their first connection, e.g. a page that
	 * was reloaded and kept the last id it saw
	 */
	@GetMapping("/api/stream")
	ResponseEntity<SseEmitter> stream(@AuthenticationPrincipal Jwt jwt,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
			@RequestParam(name = "lastEventId", required = false) String resumeAfter) {
		Long resumeFrom = eventId((lastEventId != null && !lastEventId.isBlank()) ? lastEventId : resumeAfter);
		SseEmitter emitter = new SseEmitter(lifetime(jwt).toMillis());
		new StreamSubscription(emitter, Caller.of(jwt), this.views, resumeFrom, this.streamEvents, this.hub,
				this.properties)
			.start();
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			// Tells nginx-style proxies not to hold the stream back in a buffer.
			.header("X-Accel-Buffering", "no")
			.body(emitter);
	}

	/** The stream ends when its token does, so a revoked or expired token stops receiving within one lifetime. */
	private Duration lifetime(Jwt jwt) {
		Duration lifetime = this.properties.maxConnectionAge();
		Instant expiresAt = jwt.getExpiresAt();
		if (expiresAt != null) {
			Duration untilExpiry = Duration.between(this.clock.instant(), expiresAt);
			if (untilExpiry.compareTo(lifetime) < 0) {
				lifetime = untilExpiry.isNegative() ? Duration.ofSeconds(1) : untilExpiry;
			}
		}
		return lifetime;
	}

	private static Long eventId(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			long id = Long.parseLong(value.trim());
			if (id < 0) {
				throw new NumberFormatException();
			}
			return id;
		}
		catch (NumberFormatException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"Last-Event-ID must be an event id this stream sent, got '" + value + "'");
		}
	}
}
