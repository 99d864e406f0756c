package org.leverans.drill.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one fault came to.
 * @param fault what was broken, e.g. {@code postgres, down 3 min}
 * @param started when the fault's paced load began; the fault owns what the platform recorded from then until the
 * next fault began
 * @param restart from the restart to the component being ready again (empty for the baseline)
 * @param recovery from the restart until an order placed after it was accepted (empty for the baseline, or if
 * none was within the limit)
 * @param orders the orders placed during the fault and what became of them
 * @param events the partner events posted during the fault and what became of them
 * @param webhooks the webhook calls about the fault's orders
 * @param stream the buyer's live stream during the fault (filled in once the drill has ended)
 * @param notes anything else worth a line, e.g. orders held for credit review or e-mail sent late
 */
public record FaultResult(String fault, Instant started, Optional<Duration> restart, Optional<Duration> recovery,
		Orders orders, Events events, Webhooks webhooks, Stream stream, List<String> notes) {

	public FaultResult {
		notes = List.copyOf(notes);
	}

	/**
	 * @param placed answered 202, probes and review orders included
	 * @param refused answered 429 or 503: never admitted, so not lost
	 * @param failed no answer or another status (a 502 while the gateway's target was down); the order may or may
	 * not exist, and is not counted either way
	 * @param lost placed, yet still undecided after settling, or accepted without a shipment
	 * @param doubled accepted or reserved twice, or with more shipments than it has
	 * @param rejected placed orders that were rejected: a fault must never fail a good order
	 */
	public record Orders(long placed, long refused, long failed, long lost, long doubled, long rejected) {
	}

	/**
	 * @param applied events the partner API said it applied (after the carrier's retries of unanswered POSTs)
	 * @param retried POSTs that had to be sent again
	 * @param lost applied, but not stored by delivery-service, or stored and never sent on
	 * @param doubled stored twice, or recorded twice in an order's timeline
	 */
	public record Events(long applied, long retried, long lost, long doubled) {
	}

	/**
	 * @param messages distinct {@code webhook-id}s about the fault's orders
	 * @param repeats calls repeating a {@code webhook-id} (at-least-once, allowed)
	 * @param doubled one change sent under more than one {@code webhook-id}
	 * @param missing decided orders whose decision no call told
	 */
	public record Webhooks(long messages, long repeats, long doubled, long missing) {
	}

	/**
	 * @param resumes reconnects with {@code Last-Event-ID}
	 * @param gaps rows the buyer may see, recorded during the fault, that the stream never delivered
	 * @param duplicates rows delivered twice
	 */
	public record Stream(long resumes, long gaps, long duplicates) {

		public static Stream unknown() {
			return new Stream(0, 0, 0);
		}
	}

	public FaultResult withStream(Stream stream) {
		return new FaultResult(this.fault, this.started, this.restart, this.recovery, this.orders, this.events,
				this.webhooks, stream, this.notes);
	}

	/** Why the fault broke the promise, or empty when nothing was lost, doubled or failed. */
	public List<String> problems() {
		List<String> problems = new ArrayList<>();
		check(problems, this.orders.lost(), "orders lost");
		check(problems, this.orders.doubled(), "orders doubled");
		check(problems, this.orders.rejected(), "orders rejected");
		check(problems, this.events.lost(), "shipment events lost");
		check(problems, this.events.doubled(), "shipment events doubled");
		check(problems, this.webhooks.doubled(), "webhook messages doubled");
		check(problems, this.webhooks.missing(), "webhook messages missing");
		check(problems, this.stream.gaps(), "live stream gaps");
		check(problems, this.stream.duplicates(), "live stream duplicates");
		if (this.restart.isPresent() && this.recovery.isEmpty()) {
			problems.add("no order placed after the restart was accepted");
		}
		return problems;
	}

	private static void check(List<String> problems, long count, String what) {
		if (count != 0) {
			problems.add(count + " " + what);
		}
	}
}
