/**
 * The one way a notification goes out, whatever its channel: planned from the recorded changes
 * ({@code stream_event}) by a {@link org.leverans.notification.channel.ChangePlanner}, queued in the channel's queue
 * table, and sent by a {@link org.leverans.notification.channel.Dispatcher} under one lease and retry rule
 * ({@link org.leverans.notification.channel.RetryPolicy}), every interval on every instance
 * ({@link org.leverans.notification.channel.ChannelSchedule}). E-mail and webhooks are its channels; the live
 * stream's queue is {@code stream_event} itself, pushed to connected clients, and arrival alerts are planned on their
 * own timing and queued into the others.
 */
package org.leverans.notification.channel;
