package org.leverans.agreement.approval;

import java.time.Clock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every instance looks for approvals past their time; row locks with SKIP LOCKED make each expire once. */
@Component
class ApprovalExpiry {

	private final ApprovalDecisions decisions;

	private final Clock clock;

	ApprovalExpiry(ApprovalDecisions decisions, Clock clock) {
		this.decisions = decisions;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${leverans.approvals.check-interval:1m}",
			fixedDelayString = "${leverans.approvals.check-interval:1m}")
	void expire() {
		while (this.decisions.expireDue(this.clock.instant()) > 0) {
			// a full batch may have left more behind
		}
	}
}
