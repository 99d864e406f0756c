package org.leverans.notification.stream;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the live stream, under {@code leverans.stream}.
 *
 * @param heartbeatInterval how long a connection may stay silent before it gets a {@code :keep-alive} comment, so
 * proxies and load balancers do not close idle streams
 * @param maxConnectionAge how long one connection lives at most (never past its token's expiry); the client then
 * reconnects with {@code Last-Event-ID}, which also spreads clients over instances
 * @param reconnectDelay the {@code retry:} the stream asks clients to wait before reconnecting
 * @param pollInterval how often an instance looks for new rows when no notification woke it, in case one was lost
 * while its listening connection was down
 * @param retention how long stream rows are kept for clients that come back
 * @param subscriberBuffer how many events may wait for one slow client; beyond that the connection is closed and
 * the client catches up from the database when it reconnects
 */
@ConfigurationProperties("leverans.stream")
public record StreamProperties(@DefaultValue("15s") Duration heartbeatInterval,
		@DefaultValue("30m") Duration maxConnectionAge, @DefaultValue("3s") Duration reconnectDelay,
		@DefaultValue("5s") Duration pollInterval, @DefaultValue("7d") Duration retention,
		@DefaultValue("1000") int subscriberBuffer) {
}
