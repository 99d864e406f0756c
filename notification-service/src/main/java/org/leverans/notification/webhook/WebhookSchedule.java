package org.leverans.notification.webhook;

import org.leverans.notification.scheduling.RecurringPass;

import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/** Plans and sends webhook messages every {@code leverans.webhooks.check-interval} on every instance. */
@Component
class WebhookSchedule extends RecurringPass {

	private final WebhookPlanner planner;

	private final WebhookDispatcher dispatcher;

	WebhookSchedule(WebhookPlanner planner, WebhookDispatcher dispatcher, TaskScheduler scheduler,
			WebhookSettings settings) {
		super(scheduler, settings.checkInterval(), "Webhook");
		this.planner = planner;
		this.dispatcher = dispatcher;
	}

	@Override
	protected void pass() {
		drain(this.planner::plan);
		drain(this.dispatcher::sendDue);
	}
}
