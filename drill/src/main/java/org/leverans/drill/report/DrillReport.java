package org.leverans.drill.report;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every fault's result, and the table {@code docs/reliability.md} shows. */
public record DrillReport(List<FaultResult> results) {

	public DrillReport {
		results = List.copyOf(results);
	}

	public boolean held() {
		return this.results.stream().allMatch((result) -> result.problems().isEmpty());
	}

	/** One Markdown row per fault; zeros where the promise held. */
	public String table() {
		StringBuilder table = new StringBuilder("""
				| fault | back up in | recovered in | orders placed / refused / failed | lost | doubled \
				| events applied (retried POSTs) | lost | doubled | webhook messages (repeats) | doubled | missing \
				| stream resumes | gaps / duplicates | notes |
				|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
				""");
		for (FaultResult result : this.results) {
			FaultResult.Orders orders = result.orders();
			FaultResult.Events events = result.events();
			FaultResult.Webhooks webhooks = result.webhooks();
			List<String> notes = new java.util.ArrayList<>(result.notes());
			notes.addAll(result.problems().stream().map((problem) -> "**" + problem + "**").toList());
			table.append("| ").append(result.fault())
				.append(" | ").append(duration(result.restart()))
				.append(" | ").append(result.restart().isPresent()
						? result.recovery().map(DrillReport::format).orElse("**not recovered**") : "—")
				.append(" | ").append(orders.placed()).append(" / ").append(orders.refused()).append(" / ")
				.append(orders.failed())
				.append(" | ").append(orders.lost())
				.append(" | ").append(orders.doubled())
				.append(" | ").append(events.applied()).append(" (").append(events.retried()).append(')')
				.append(" | ").append(events.lost())
				.append(" | ").append(events.doubled())
				.append(" | ").append(webhooks.messages()).append(" (").append(webhooks.repeats()).append(')')
				.append(" | ").append(webhooks.doubled())
				.append(" | ").append(webhooks.missing())
				.append(" | ").append(result.stream().resumes())
				.append(" | ").append(result.stream().gaps()).append(" / ").append(result.stream().duplicates())
				.append(" | ").append(String.join("; ", notes))
				.append(" |\n");
		}
		return table.toString();
	}

	private static String duration(Optional<Duration> duration) {
		return duration.map(DrillReport::format).orElse("—");
	}

	private static String format(Duration duration) {
		return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
	}
}
