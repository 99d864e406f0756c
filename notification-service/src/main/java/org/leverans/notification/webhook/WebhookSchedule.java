package org.leverans.notification.webhook;

import java.util.concurrent.ScheduledFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/** Plans and sends webhook messages every {@code leverans.webhooks.check-interval} on every instance. */
@Component
class WebhookSchedule implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(WebhookSchedule.class);

	private final WebhookPlanner planner;

	private final WebhookDispatcher dispatcher;

	private final TaskScheduler scheduler;

	private final WebhookSettings settings;

	private volatile ScheduledFuture<?> schedule;

	WebhookSchedule(WebhookPlanner planner, WebhookDispatcher dispatcher, TaskScheduler scheduler,
			WebhookSettings settings) {
		this.planner = planner;
		this.dispatcher = dispatcher;
		this.scheduler = scheduler;
		this.settings = settings;
	}

	private void run() {
		try {
			while (this.planner.plan() > 0) {
				// keep reading while there is a backlog
			}
			while (this.dispatcher.sendDue() > 0) {
				// keep sending while messages are due
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Webhook pass failed, will retry: {}", ex.getMessage());
		}
	}

	@Override
	public void start() {
		this.schedule = this.scheduler.scheduleWithFixedDelay(this::run, this.settings.checkInterval());
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
