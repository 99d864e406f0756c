package org.leverans.notification.mail;

import org.leverans.notification.channel.ChannelSchedule;

import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/** Plans and sends e-mail every {@code leverans.mail.check-interval} on every instance. */
@Component
class MailSchedule extends ChannelSchedule {

	MailSchedule(MailPlanner planner, MailDispatcher dispatcher, TaskScheduler scheduler, MailSettings settings) {
		super("E-mail", settings.checkInterval(), settings.enabled(), planner, dispatcher, scheduler);
	}
}
