package org.leverans.notification.mail;

import java.util.concurrent.ScheduledFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/** Plans and sends e-mail every {@code leverans.mail.check-interval} on every instance. */
@Component
class MailSchedule implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(MailSchedule.class);

	private final MailPlanner planner;

	private final MailDispatcher dispatcher;

	private final TaskScheduler scheduler;

	private final MailSettings settings;

	private volatile ScheduledFuture<?> schedule;

	MailSchedule(MailPlanner planner, MailDispatcher dispatcher, TaskScheduler scheduler, MailSettings settings) {
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
				// keep sending while e-mails are due
			}
		}
		catch (RuntimeException ex) {
			logger.warn("E-mail pass failed, will retry: {}", ex.getMessage());
		}
	}

	@Override
	public void start() {
		if (this.settings.enabled()) {
			this.schedule = this.scheduler.scheduleWithFixedDelay(this::run, this.settings.checkInterval());
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
