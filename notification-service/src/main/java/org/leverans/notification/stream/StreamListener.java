package org.leverans.notification.stream;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Feeds this instance's streams from the shared table: LISTENs on {@link StreamEvents#CHANNEL} over a connection of
 * its own (outside the pool, which must not lose a connection to a blocking wait) and, whenever woken, reads every
 * row after the last one it pushed. Reading "everything after" rather than the notified ids means a notification
 * lost while the connection was down only delays rows by the poll interval, it never drops them.
 */
@Component
class StreamListener implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(StreamListener.class);

	private static final int BATCH = 500;

	private final JdbcConnectionDetails database;

	private final StreamEvents streamEvents;

	private final StreamHub hub;

	private final StreamProperties properties;

	private volatile boolean running;

	private volatile Thread thread;

	private volatile Connection connection;

	StreamListener(JdbcConnectionDetails database, StreamEvents streamEvents, StreamHub hub,
			StreamProperties properties) {
		this.database = database;
		this.streamEvents = streamEvents;
		this.hub = hub;
		this.properties = properties;
	}

	@Override
	public void start() {
		this.hub.startAt(this.streamEvents.latestId());
		this.running = true;
		this.thread = Thread.ofPlatform().daemon().name("stream-listener").start(this::listen);
	}

	private void listen() {
		long backOff = 500;
		boolean reconnecting = false;
		while (this.running) {
			try (Connection listening = DriverManager.getConnection(this.database.getJdbcUrl(),
					this.database.getUsername(), this.database.getPassword())) {
				this.connection = listening;
				try (Statement statement = listening.createStatement()) {
					statement.execute("LISTEN " + StreamEvents.CHANNEL);
					statement.execute("LISTEN " + StreamViews.CHANNEL);
				}
				PGConnection notifications = listening.unwrap(PGConnection.class);
				if (reconnecting) {
					// Choices may have changed while no notice could arrive.
					this.hub.reload(StreamViews.EVERYONE);
				}
				backOff = 500;
				reconnecting = true;
				catchUp();
				while (this.running) {
					PGNotification[] received = notifications
						.getNotifications((int) this.properties.pollInterval().toMillis());
					// Notices come in commit order: choices changed before a row was written apply to that row.
					reloadViews(received);
					catchUp();
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (!this.running) {
					return;
				}
				logger.warn("Stream listener lost its database connection, reconnecting in {} ms: {}", backOff,
						ex.getMessage());
				if (!pause(backOff)) {
					return;
				}
				backOff = Math.min(backOff * 2, 10_000);
			}
			finally {
				this.connection = null;
			}
		}
	}

	private void reloadViews(PGNotification[] received) {
		if (received == null) {
			return;
		}
		for (PGNotification notification : received) {
			if (StreamViews.CHANNEL.equals(notification.getName())) {
				this.hub.reload(notification.getParameter());
			}
		}
	}

	/** Pushes every row after the last pushed one. */
	void catchUp() {
		List<StreamEvent> batch;
		do {
			batch = this.streamEvents.after(this.hub.dispatchedUpTo(), BATCH);
			this.hub.dispatch(batch);
		}
		while (batch.size() == BATCH && this.running);
	}

	private boolean pause(long millis) {
		try {
			Thread.sleep(millis);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public void stop() {
		this.running = false;
		Connection current = this.connection;
		if (current != null) {
			try {
				// Ends a wait in getNotifications at once instead of after the poll interval.
				current.close();
			}
			catch (SQLException ignored) {
				// closing anyway
			}
		}
		Thread listenerThread = this.thread;
		if (listenerThread != null) {
			listenerThread.interrupt();
			try {
				listenerThread.join(2_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}
}
