package org.leverans.notification.mail;

import org.leverans.notification.channel.ChangePlanner;
import org.leverans.notification.stream.StreamEvent;
import org.leverans.notification.stream.StreamEventNames;
import org.leverans.notification.stream.StreamEvents;
import org.leverans.notification.subscription.Subscriber;
import org.leverans.notification.subscription.Subscribers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/** Plans one e-mail per change for each person who may see it and asked for it by e-mail. */
@Component
class MailPlanner extends ChangePlanner {

	private final Subscribers subscribers;

	private final MailQueue queue;

	MailPlanner(JdbcClient jdbc, PlatformTransactionManager transactionManager, StreamEvents changes,
			Subscribers subscribers, MailQueue queue) {
		super("mail_cursor", jdbc, transactionManager, changes);
		this.subscribers = subscribers;
		this.queue = queue;
	}

	@Override
	protected void plan(StreamEvent change) {
		if (change.aimed() || StreamEventNames.SHIPMENT_ARRIVING.equals(change.name())) {
			// Each person's "arriving soon" e-mail goes at their own lead time (arrival.ArrivalAlerts), not with a
			// stream alert, shared or aimed at one person's live stream.
			return;
		}
		for (Subscriber recipient : this.subscribers.emailRecipientsOf(change)) {
			this.queue.add(change.id(), recipient, change.name(), change.data());
		}
	}
}
