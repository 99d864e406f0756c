package org.leverans.notification.claim;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.leverans.contracts.claim.ClaimAccepted;
import org.leverans.contracts.claim.ClaimFiled;
import org.leverans.contracts.claim.ClaimRejected;
import org.leverans.messaging.EventHandlers;
import org.leverans.messaging.EventMetadata;
import org.leverans.notification.intake.IntakeHandlers;
import org.leverans.notification.mail.MailQueue;
import org.leverans.notification.stream.KnownOrders;
import org.leverans.notification.stream.StreamEventNames;
import org.leverans.notification.stream.StreamEvents;
import org.leverans.notification.subscription.Subscribers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Turns order-service's claim events into the customer's {@code claim.updated} messages: on the live stream of the
 * customer's buyers and of the receivers at the order's sites, to webhooks that chose it, and by e-mail to those
 * who want it (by default orderers, agreement managers and receivers, see {@code RoleDefaults}).
 * <p>
 * The person who filed the claim always gets the e-mail, whatever they chose: it answers what they did, like a
 * receipt. It is planned here, for the same stream row the mail planner reads, so someone who also chose
 * {@code claim.updated} still gets it once.
 */
@Component
class ClaimUpdates implements IntakeHandlers {

	private final StreamEvents streamEvents;

	private final KnownOrders orders;

	private final KnownClaims claims;

	private final Subscribers subscribers;

	private final MailQueue mail;

	private final JsonMapper json;

	private final Clock clock;

	private final EventHandlers handlers;

	ClaimUpdates(StreamEvents streamEvents, KnownOrders orders, KnownClaims claims, Subscribers subscribers,
			MailQueue mail, JsonMapper json, Clock clock) {
		this.streamEvents = streamEvents;
		this.orders = orders;
		this.claims = claims;
		this.subscribers = subscribers;
		this.mail = mail;
		this.json = json;
		this.clock = clock;
		this.handlers = EventHandlers.named("claim-updates")
			.onEvent(ClaimFiled.class, this::filed)
			.onEvent(ClaimAccepted.class, this::accepted)
			.onEvent(ClaimRejected.class, this::rejected);
	}

	@Override
	public EventHandlers handlers() {
		return this.handlers;
	}

	private void filed(ClaimFiled event, EventMetadata metadata) {
		this.claims.remember(event, now());
		update(event.customerId(), ClaimData.filed(event, occurredAt(event.filedAt(), metadata)), event.filedBy(),
				metadata);
	}

	private void accepted(ClaimAccepted event, EventMetadata metadata) {
		KnownClaim filing = this.claims.find(event.claimId()).orElse(null);
		update(event.customerId(), ClaimData.accepted(event, filing, occurredAt(event.decidedAt(), metadata)),
				filedBy(filing), metadata);
	}

	private void rejected(ClaimRejected event, EventMetadata metadata) {
		KnownClaim filing = this.claims.find(event.claimId()).orElse(null);
		update(event.customerId(), ClaimData.rejected(event, filing, occurredAt(event.decidedAt(), metadata)),
				filedBy(filing), metadata);
	}

	private void update(UUID customerId, ClaimData data, String filedBy, EventMetadata metadata) {
		String payload = this.json.writeValueAsString(data);
		// Appended at once, as its mail needs the row's id: so are the sites it shows read, with those the stream's
		// rows asked for so far.
		long row = this.streamEvents.append(StreamEventNames.CLAIM_UPDATED, customerId,
				this.orders.sitesOf(data.orderId()).get(), data.orderId(), data.shipmentId(), metadata.id(), payload,
				now());
		if (filedBy == null) {
			return;
		}
		// Only someone acting for the customer hears back as the filer: customer service filing on the customer's
		// behalf follows the claim in its queue instead.
		this.subscribers.withEmail(filedBy)
			.filter(filer -> filer.customerId() != null && filer.customerId().equals(customerId))
			.ifPresent(filer -> this.mail.add(row, filer, StreamEventNames.CLAIM_UPDATED, payload));
	}

	private static String filedBy(KnownClaim filing) {
		return (filing != null) ? filing.filedBy() : null;
	}

	private Instant occurredAt(Instant occurredAt, EventMetadata metadata) {
		if (occurredAt != null) {
			return occurredAt;
		}
		return (metadata.time() != null) ? metadata.time() : now();
	}

	private Instant now() {
		return this.clock.instant();
	}
}
