package org.leverans.drill.load;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.leverans.bench.partner.PartnerPost;

import static org.assertj.core.api.Assertions.assertThat;

class EventLoadTest {

	private static final List<String> IDS = List.of("e-1", "e-2", "e-3");

	@Test
	void eventsAppliedAtTheFirstPostMustEachBeStored() {
		EventLoad.Delivery delivery = new EventLoad.Delivery(post(202, 3, 0, 0), post(202, 3, 0, 0), false);

		assertThat(delivery.applied()).isTrue();
		assertThat(delivery.mistakenForRepeats()).isZero();
	}

	@Test
	void aRetriedPostThatFindsItsEventsAlreadyThereCountsAsAppliedNotDoubled() {
		// the first POST was applied, but its answer was lost with the gateway's target
		EventLoad.Delivery delivery = new EventLoad.Delivery(post(502, 0, 0, 0), post(202, 0, 3, 0), true);

		assertThat(delivery.applied()).isTrue();
		assertThat(delivery.mistakenForRepeats()).isZero();
	}

	@Test
	void eventsTakenForRepeatsOnTheirFirstPostAreMistakes() {
		EventLoad.Delivery delivery = new EventLoad.Delivery(post(202, 1, 2, 0), post(202, 1, 2, 0), false);

		assertThat(delivery.applied()).isTrue();
		assertThat(delivery.mistakenForRepeats()).isEqualTo(2);
	}

	@Test
	void aPostNeverAnswered202OrWithARefusedEventIsNotCountedAsApplied() {
		assertThat(new EventLoad.Delivery(post(503, 0, 0, 0), post(-1, 0, 0, 0), true).applied()).isFalse();
		assertThat(new EventLoad.Delivery(post(202, 2, 0, 1), post(202, 2, 0, 1), false).applied()).isFalse();
	}

	private static PartnerPost post(int status, int accepted, int duplicates, int rejected) {
		return new PartnerPost(status, 10, IDS.size(), accepted, duplicates, rejected, IDS);
	}
}
