package org.leverans.notification.stream;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The streams connected to this instance, and how far this instance has pushed the shared {@code stream_event}
 * rows to them. New rows arrive in id order from {@link StreamListener}; each is handed to every connected stream
 * whose caller may see it. How many are connected is the gauge {@code leverans.stream.connections}.
 */
@Component
public class StreamHub implements SmartLifecycle, MeterBinder {

	private final Set<StreamSubscription> subscriptions = ConcurrentHashMap.newKeySet();

	private final Object lock = new Object();

	private long dispatchedUpTo = -1;

	private volatile boolean running;

	/**
	 * Connects a stream. Every row after the returned id will be offered to it; the rows up to it were pushed
	 * before it connected.
	 */
	long connect(StreamSubscription subscription) {
		synchronized (this.lock) {
			this.subscriptions.add(subscription);
			return this.dispatchedUpTo;
		}
	}

	void disconnect(StreamSubscription subscription) {
		this.subscriptions.remove(subscription);
	}

	/** Where pushing starts: rows up to {@code id} existed before this instance began serving streams. */
	void startAt(long id) {
		synchronized (this.lock) {
			if (this.dispatchedUpTo < 0) {
				this.dispatchedUpTo = id;
			}
		}
	}

	long dispatchedUpTo() {
		synchronized (this.lock) {
			return this.dispatchedUpTo;
		}
	}

	/** Pushes rows newer than what was already pushed, oldest first; offering never blocks on a slow client. */
	void dispatch(List<StreamEvent> events) {
		synchronized (this.lock) {
			for (StreamEvent event : events) {
				if (event.id() <= this.dispatchedUpTo) {
					continue;
				}
				for (StreamSubscription subscription : this.subscriptions) {
					subscription.offer(event);
				}
				this.dispatchedUpTo = event.id();
			}
		}
	}

	/**
	 * Rebuilds what the streams of one person (or, for {@link StreamViews#EVERYONE}, of everyone) show. Outside the
	 * dispatch lock: it reads the database, and a row dispatched meanwhile meets the old choices or the new.
	 */
	void reload(String subject) {
		for (StreamSubscription subscription : this.subscriptions) {
			if (StreamViews.EVERYONE.equals(subject) || subscription.subject().equals(subject)) {
				subscription.reload();
			}
		}
	}

	public int connected() {
		return this.subscriptions.size();
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("leverans.stream.connections", this, StreamHub::connected)
			.description("Live update streams (Server-Sent Events) open on this instance")
			.register(registry);
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * Ends every stream before the web server's graceful shutdown, which would otherwise wait for these never-ending
	 * requests; clients reconnect to another instance and resume from their last id.
	 */
	@Override
	public void stop() {
		this.running = false;
		for (StreamSubscription subscription : this.subscriptions) {
			subscription.end();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}
}
