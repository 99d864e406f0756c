package org.leverans.notification.channel;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;

/**
 * Work that every instance repeats at a fixed delay while the application runs (planning and sending mail and
 * webhooks, due arrival alerts). What a pass leaves undone stays in the database, so a failed pass is logged and
 * the next one simply tries again.
 */
public abstract class RecurringPass implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(RecurringPass.class);

	private final TaskScheduler scheduler;

	private final Duration interval;

	private final String name;

	private volatile ScheduledFuture<?> schedule;

	protected RecurringPass(TaskScheduler scheduler, Duration interval, String name) {
		this.scheduler = scheduler;
		this.interval = interval;
		this.name = name;
	}

	/** One pass over what is due. */
	protected abstract void pass();

	/** Whether this instance runs the pass at all. */
	protected boolean enabled() {
		return true;
	}

	/** Repeats a step while it reports work done, so a backlog is cleared in one pass. */
	protected static void drain(IntSupplier step) {
		while (step.getAsInt() > 0) {
			// keep going while there is a backlog
		}
	}

	private void passSafely() {
		try {
			pass();
		}
		catch (RuntimeException ex) {
			logger.warn("{} pass failed, will retry: {}", this.name, ex.getMessage());
		}
	}

	@Override
	public void start() {
		if (enabled()) {
			this.schedule = this.scheduler.scheduleWithFixedDelay(this::passSafely, this.interval);
		}
	}

	@Override
	public void stop() {
		ScheduledFuture<?> current = this.schedule;
		if (current != null) {
			current.cancel(false);
		}
		this.schedule = null;
	}

	@Override
	public boolean isRunning() {
		return this.schedule != null;
	}
}
