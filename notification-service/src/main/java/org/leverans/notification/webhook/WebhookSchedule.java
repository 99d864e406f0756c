package org.leverans.notification.webhook;

import org.leverans.notification.channel.ChannelSchedule;

import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/** Plans and sends webhook messages every {@code leverans.webhooks.check-interval} on every instance. */
@Component
class WebhookSchedule extends ChannelSchedule {

	WebhookSchedule(WebhookPlanner planner, WebhookDispatcher dispatcher, TaskScheduler scheduler,
			WebhookSettings settings) {
		super("Webhook", settings.checkInterval(), true, planner, dispatcher, scheduler);
	}
}
