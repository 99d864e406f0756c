package org.leverans.notification.subscription;

import java.util.LinkedHashSet;
import java.util.Set;

import org.leverans.contracts.TokenClaims.Roles;
import org.leverans.notification.stream.EventKinds;
import org.leverans.notification.stream.StreamEventNames;

/**
 * What each role gets by e-mail until the person (or their site) chooses otherwise, as the issue sets them:
 * orderers the outcome of their orders and shipment exceptions, receivers the deliveries to their sites, agreement
 * managers the orders waiting for their approval and the reminders of their company's overdue invoices (they
 * agreed the payment terms), and all three how their company's claims about deliveries are handled. Customer
 * service and admins see everything, so by default they get no e-mail at all. The live stream shows everything a
 * person may see until they choose.
 */
public final class RoleDefaults {

	/**
	 * The stream's event names: what webhook endpoints choose from ({@code POST /api/webhooks}), and each also a
	 * subscription to every change of its kind.
	 */
	public static final Set<String> CHOOSABLE = EventKinds.STREAM_NAMES;

	/** Everything a person or site may subscribe to: {@link #CHOOSABLE} and the finer events. */
	public static final Set<String> SUBSCRIBABLE = EventKinds.subscribable();

	private RoleDefaults() {
	}

	public static Set<String> emailEvents(Set<String> roles) {
		Set<String> events = new LinkedHashSet<>();
		if (roles.contains(Roles.ORDERER)) {
			events.add(EventKinds.ORDER_CONFIRMED);
			events.add(EventKinds.ORDER_REJECTED);
			events.add(EventKinds.ORDER_ON_HOLD);
			events.add(EventKinds.SHIPMENT_EXCEPTION);
			events.add(StreamEventNames.CLAIM_UPDATED);
		}
		if (roles.contains(Roles.RECEIVER)) {
			events.addAll(receiverEvents());
		}
		if (roles.contains(Roles.AGREEMENT_MANAGER)) {
			// They decide whether an order above a spending limit goes on.
			events.add(EventKinds.ORDER_AWAITING_APPROVAL);
			events.add(StreamEventNames.INVOICE_OVERDUE);
			events.add(StreamEventNames.CLAIM_UPDATED);
		}
		return Set.copyOf(events);
	}

	/**
	 * A receiver's defaults, which are also a site's until it chooses: the deliveries, and the claims about them
	 * (receivers are the ones who find the damage and file most claims).
	 */
	public static Set<String> receiverEvents() {
		return Set.of(StreamEventNames.SHIPMENT_WINDOW_CHANGED, StreamEventNames.SHIPMENT_ARRIVING,
				StreamEventNames.SHIPMENT_DELIVERED, StreamEventNames.CLAIM_UPDATED);
	}
}
