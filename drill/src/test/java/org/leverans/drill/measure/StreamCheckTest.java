package org.leverans.drill.measure;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreamCheckTest {

	private static final Instant FIRST = Instant.parse("2026-12-04T10:00:00Z");

	private static final Instant SECOND = Instant.parse("2026-12-04T10:05:00Z");

	@Test
	void chargesARowTheStreamNeverDeliveredToTheFaultDuringWhichItWasRecorded() {
		List<DrillDatabase.StreamRow> rows = List.of(row(11, FIRST.plusSeconds(1)), row(12, SECOND.plusSeconds(1)),
				row(14, SECOND.plusSeconds(2)));

		List<StreamCheck.Counts> counts = StreamCheck.byFault(List.of(FIRST, SECOND), rows, List.of(10L, 11L, 14L),
				List.of(SECOND.plusSeconds(3)));

		assertThat(counts).containsExactly(new StreamCheck.Counts(0, 0, 0), new StreamCheck.Counts(1, 1, 0));
	}

	@Test
	void countsARowDeliveredTwiceAsADuplicate() {
		List<StreamCheck.Counts> counts = StreamCheck.byFault(List.of(FIRST), List.of(row(11, FIRST.plusSeconds(1))),
				List.of(10L, 11L, 11L), List.of());

		assertThat(counts).containsExactly(new StreamCheck.Counts(0, 0, 1));
	}

	@Test
	void idsOfRowsTheBuyerMayNotSeeAreNoGap() {
		List<StreamCheck.Counts> counts = StreamCheck.byFault(List.of(FIRST), List.of(row(11, FIRST), row(13, FIRST)),
				List.of(10L, 11L, 13L), List.of());

		assertThat(counts).containsExactly(new StreamCheck.Counts(0, 0, 0));
	}

	private static DrillDatabase.StreamRow row(long id, Instant createdAt) {
		return new DrillDatabase.StreamRow(id, createdAt);
	}
}
