package org.leverans.notification.mail;

import org.leverans.notification.scheduling.RecurringPass;

import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/** Plans and sends e-mail every {@code leverans.mail.check-interval} on every instance. */
@Component
class MailSchedule extends RecurringPass {

	private final MailPlanner planner;

	private final MailDispatcher dispatcher;

	private final MailSettings settings;

	MailSchedule(MailPlanner planner, MailDispatcher dispatcher, TaskScheduler scheduler, MailSettings settings) {
		super(scheduler, settings.checkInterval(), "E-mail");
		this.planner = planner;
		this.dispatcher = dispatcher;
		this.settings = settings;
	}

	@Override
	protected void pass() {
		drain(this.planner::plan);
		drain(this.dispatcher::sendDue);
	}

	@Override
	protected boolean enabled() {
		return this.settings.enabled();
	}
}
