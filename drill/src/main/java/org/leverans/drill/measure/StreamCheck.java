package org.leverans.drill.measure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a resumed live stream missed anything: every row the buyer may see, between the first and the last id the
 * stream received, must have come exactly once. Gaps, duplicates and resumes are charged to the fault during which
 * they happened (a fault owns everything from its start until the next one's).
 */
public final class StreamCheck {

	private StreamCheck() {
	}

	/** Per fault, in the order of {@code starts}. */
	public record Counts(long resumes, long gaps, long duplicates) {
	}

	/**
	 * @param starts when each fault began, in order
	 * @param rows the rows the buyer may see, from the database, with ids between the first and last received
	 * @param received every id the stream received, in order, duplicates included
	 * @param resumes when the stream reconnected with {@code Last-Event-ID}
	 */
	public static List<Counts> byFault(List<Instant> starts, List<DrillDatabase.StreamRow> rows, List<Long> received,
			List<Instant> resumes) {
		long[][] counts = new long[starts.size()][3];
		Set<Long> seen = new HashSet<>();
		Set<Long> twice = new HashSet<>();
		for (long id : received) {
			if (!seen.add(id)) {
				twice.add(id);
			}
		}
		for (DrillDatabase.StreamRow row : rows) {
			int fault = faultAt(starts, row.createdAt());
			if (!seen.contains(row.id())) {
				counts[fault][1]++;
			}
			if (twice.contains(row.id())) {
				counts[fault][2]++;
			}
		}
		for (Instant resumed : resumes) {
			counts[faultAt(starts, resumed)][0]++;
		}
		List<Counts> result = new ArrayList<>(starts.size());
		for (long[] fault : counts) {
			result.add(new Counts(fault[0], fault[1], fault[2]));
		}
		return result;
	}

	private static int faultAt(List<Instant> starts, Instant moment) {
		int at = 0;
		for (int i = 0; i < starts.size(); i++) {
			if (!moment.isBefore(starts.get(i))) {
				at = i;
			}
		}
		return at;
	}
}
