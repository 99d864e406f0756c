package org.leverans.notification.channel;

import java.time.Duration;

import org.springframework.scheduling.TaskScheduler;

/**
 * Plans and sends one channel's messages every interval on every instance: first every change not yet planned,
 * then every message due.
 */
public abstract class ChannelSchedule extends RecurringPass {

	private final ChangePlanner planner;

	private final Dispatcher<?> dispatcher;

	private final boolean enabled;

	protected ChannelSchedule(String name, Duration interval, boolean enabled, ChangePlanner planner,
			Dispatcher<?> dispatcher, TaskScheduler scheduler) {
		super(scheduler, interval, name);
		this.planner = planner;
		this.dispatcher = dispatcher;
		this.enabled = enabled;
	}

	@Override
	protected void pass() {
		drain(this.planner::plan);
		drain(this.dispatcher::sendDue);
	}

	@Override
	protected boolean enabled() {
		return this.enabled;
	}
}
