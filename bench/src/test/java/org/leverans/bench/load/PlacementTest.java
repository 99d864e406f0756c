package org.leverans.bench.load;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlacementTest {

	@Test
	void anAcceptedAnswerNamesTheOrderItPlaced() {
		UUID id = UUID.randomUUID();
		Placement placement = Placement.answered(202, 12.0,
				"{\"id\":\"" + id + "\",\"orderNumber\":\"LEV-1\",\"status\":\"PLACED\"}");

		assertThat(placement.placed()).isTrue();
		assertThat(placement.orderId()).isEqualTo(id);
		assertThat(placement.shed()).isFalse();
		assertThat(placement.refusal()).isNull();
	}

	@Test
	void aRefusalIsNamedByTheLastPartOfItsProblemType() {
		Placement busy = Placement.answered(503, 40.0, """
				{"type":"urn:leverans:problem:service-busy","title":"Service busy","status":503}""");
		Placement admission = Placement.answered(503, 40.0, """
				{"title":"Service unavailable","type" : "urn:leverans:problem:service-unavailable"}""");

		assertThat(busy.shed()).isTrue();
		assertThat(busy.placed()).isFalse();
		assertThat(busy.refusal()).isEqualTo("service-busy");
		assertThat(admission.refusal()).isEqualTo("service-unavailable");
	}

	@Test
	void aRefusalWithoutAProblemBodySaysSo() {
		assertThat(Placement.answered(429, 1.0, "").refusal()).isEqualTo("no problem type");
	}

	@Test
	void otherFailuresAreNeitherPlacedNorShed() {
		Placement failed = Placement.answered(500, 5.0, "{\"type\":\"about:blank\"}");
		Placement unanswered = Placement.unanswered(30_000.0);

		assertThat(failed.placed()).isFalse();
		assertThat(failed.shed()).isFalse();
		assertThat(failed.refusal()).isNull();
		assertThat(unanswered.status()).isEqualTo(-1);
		assertThat(unanswered.shed()).isFalse();
	}
}
