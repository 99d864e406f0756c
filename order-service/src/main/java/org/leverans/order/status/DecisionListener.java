package org.leverans.order.status;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.leverans.contracts.Topics;
import org.leverans.contracts.credit.CreditDeclined;
import org.leverans.contracts.credit.CreditReleased;
import org.leverans.contracts.credit.CreditReserved;
import org.leverans.contracts.credit.CreditReviewRequired;
import org.leverans.contracts.validation.OrderApprovalRejected;
import org.leverans.contracts.validation.OrderApprovalRequired;
import org.leverans.contracts.validation.OrderApproved;
import org.leverans.contracts.validation.OrderValidated;
import org.leverans.contracts.validation.OrderValidationFailed;
import org.leverans.messaging.EventHandlers;
import org.leverans.messaging.Inbox;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Validation, approval and credit decisions, each applied once (the inbox remembers their ids). One listener reads
 * both topics: agreement-service and credit-service decide about the same order within milliseconds of each other, and
 * with a listener per topic the two poll batches' transactions locked the same orders and waited on each other, up to
 * a second per batch, which was most of the placed-to-accepted tail at 80 orders/s (docs/performance.md, session 14).
 */
@Component
class DecisionListener {

	private final Inbox inbox;

	private final EventHandlers handlers;

	DecisionListener(Inbox inbox, OrderDecisions decisions) {
		this.inbox = inbox;
		this.handlers = EventHandlers.named("order-decisions")
			.beforeBatch(decisions::prepare)
			.onEvent(OrderValidated.class, decisions::validated)
			.onEvent(OrderValidationFailed.class, decisions::validationFailed)
			.onEvent(OrderApprovalRequired.class, decisions::approvalRequired)
			.onEvent(OrderApproved.class, decisions::approved)
			.onEvent(OrderApprovalRejected.class, decisions::approvalRejected)
			.onEvent(CreditReserved.class, decisions::creditReserved)
			.onEvent(CreditDeclined.class, decisions::creditDeclined)
			.onEvent(CreditReviewRequired.class, decisions::creditReviewRequired)
			.onEvent(CreditReleased.class, decisions::creditReleased);
	}

	@KafkaListener(id = "order-decisions", idIsGroup = false, topics = { Topics.ORDER_VALIDATION, Topics.CREDIT },
			batch = "true")
	void onDecisions(List<ConsumerRecord<String, byte[]>> records) {
		this.inbox.receive(records, this.handlers);
	}
}
