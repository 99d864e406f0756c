package org.leverans.drill;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;

import org.leverans.bench.load.GatewayClient;
import org.leverans.bench.load.Placement;
import org.leverans.bench.load.Tokens;
import org.leverans.bench.measure.ConsumerLag;
import org.leverans.bench.measure.Outcomes;
import org.leverans.bench.partner.CarrierClient;
import org.leverans.bench.partner.EventBodies;
import org.leverans.drill.load.EventLoad;
import org.leverans.drill.load.OrderLoad;
import org.leverans.drill.measure.DrillDatabase;
import org.leverans.drill.measure.StreamCheck;
import org.leverans.drill.report.DrillReport;
import org.leverans.drill.report.FaultResult;
import org.leverans.drill.watch.ResumingStream;
import org.leverans.drill.watch.WebhookReceiver;
import org.leverans.platform.Platform;
import org.leverans.platform.standins.CreditBureauStandIn;
import org.leverans.platform.standins.MailStandIn;

/**
 * Breaks a running platform one component at a time during a paced load, and finds out what that cost. For each
 * {@link Fault}: orders and carrier events are offered for {@code lead}, the component is killed with
 * {@code SIGKILL}, left down for its downtime and restarted; orders are placed until one is accepted (the recovery
 * time); the load goes on for {@code tail}, stops, and the platform gets up to {@code settle} to finish. Then it reads
 * from the services' own databases what became of every order and event, and from a webhook receiver and a buyer's
 * live stream, both kept open throughout, what customers were told.
 */
public final class FaultDrill implements AutoCloseable {

	/** Rakennus Oy: its ERP places the load, its webhook receiver and live stream watch. */
	static final UUID RAKENNUS = UUID.fromString("11111111-1111-1111-1111-111111111111");

	static final String BUYER = "rakennus-erp";

	/** The carrier of Rakennus Oy's Finnish sites, whose events are offered. */
	static final String CARRIER = "nordic-freight";

	private static final int SHIPMENTS = 200;

	/** Enough shipments that one POST's events are about as many shipments. */
	private static final int FIRST_SHIPMENTS = 50;

	private static final int WARM_UP_MINUTES = 5;

	private static final Duration STREAM_CATCH_UP = Duration.ofSeconds(15);

	private final Platform platform;

	private final DrillPace pace;

	private final PrintStream out;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.build();

	private final URI gateway;

	private final Tokens tokens;

	private final Outcomes outcomes;

	private final DrillDatabase database;

	private WebhookReceiver webhooks;

	private ResumingStream stream;

	public FaultDrill(Platform platform, DrillPace pace, PrintStream out) {
		this.platform = platform;
		this.pace = pace;
		this.out = out;
		this.gateway = URI.create(platform.gatewayUrl());
		this.tokens = new Tokens(this.http, URI.create(platform.authServerUrl()));
		this.outcomes = new Outcomes(platform.ports().postgres());
		this.database = new DrillDatabase(platform.ports().postgres());
	}

	/** Goes through the faults in order and returns what each came to. */
	public DrillReport run(List<Fault> faults) throws Exception {
		gatewayClient(BUYER).raiseCreditLimit(RAKENNUS, "supplier-erp");
		this.webhooks = WebhookReceiver.register(this.http, this.gateway, this.tokens, RAKENNUS);
		this.stream = ResumingStream.open(this.http, this.gateway, this.tokens, BUYER);
		this.out.printf("  PostgreSQL %s; a webhook receiver and %s's live stream watch throughout%n",
				this.outcomes.durability(), BUYER);
		shipFirstOrders();
		List<FaultResult> results = new ArrayList<>();
		for (Fault fault : faults) {
			FaultResult result = phase(fault);
			results.add(result);
			this.out.println("  " + (result.problems().isEmpty() ? "✔" : "✖") + " " + result.fault()
					+ (result.problems().isEmpty() ? "" : ": " + String.join(", ", result.problems())));
		}
		return new DrillReport(withStreamChecked(results));
	}

	private FaultResult phase(Fault fault) throws Exception {
		this.out.println("  ▶ " + fault.label() + ": " + this.pace.orderRate() + " orders/s and "
				+ this.pace.eventRate() + " events/s through the gateway");
		Instant started = Instant.now();
		GatewayClient buyer = gatewayClient(BUYER);
		buyer.signIn();
		CarrierClient carrier = new CarrierClient(this.http, this.gateway, this.tokens, CARRIER);
		List<CarrierClient.Shipment> shipments = onTheirWay(carrier);
		OrderLoad orders = OrderLoad.start(buyer, this.pace.orderRate());
		EventLoad events = shipments.isEmpty() ? null
				: EventLoad.start(carrier, new EventBodies("drill-" + UUID.randomUUID().toString().substring(0, 8) + "-",
						shipments), this.pace.eventRate(), this.pace.batch());
		List<UUID> probes = new ArrayList<>();
		List<UUID> reviews = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		Optional<Duration> restart = Optional.empty();
		Optional<Duration> recovery = Optional.empty();
		Thread.sleep(this.pace.lead().toMillis());
		if (fault.component().isPresent()) {
			String component = fault.component().get();
			this.platform.kill(component);
			this.out.println("    ✖ killed " + component + " (SIGKILL)");
			long downUntil = System.nanoTime() + fault.downtime().toNanos();
			if (component.equals(CreditBureauStandIn.NAME)) {
				reviews.addAll(new ReviewOrders(this.gateway, this.tokens).placeWhileTheBureauIsAway(notes));
			}
			sleepUntil(downUntil);
			long restarting = System.nanoTime();
			this.platform.restart(component);
			restart = Optional.of(Duration.ofNanos(System.nanoTime() - restarting));
			this.out.println("    ↻ " + component + " restarted, ready after " + Durations.of(restart.get()));
			RecoveryProbe.Recovery probed = new RecoveryProbe(buyer, this.database)
				.awaitAcceptedOrder(restarting, this.pace.recoveryLimit());
			probes.addAll(probed.orders());
			recovery = probed.took();
			this.out.println("    " + recovery.map((took) -> "✔ an order placed after the restart was accepted "
					+ Durations.of(took) + " after it").orElse("✖ no order placed after the restart was accepted"));
		}
		Thread.sleep(this.pace.tail().toMillis());
		List<Placement> placements = orders.stop();
		List<EventLoad.Delivery> deliveries = (events != null) ? events.stop() : List.of();
		List<UUID> buyers = new ArrayList<>(placements.stream().filter(Placement::placed).map(Placement::orderId).toList());
		buyers.addAll(probes);
		List<UUID> placed = new ArrayList<>(buyers);
		placed.addAll(reviews);
		List<String> applied = deliveries.stream()
			.filter(EventLoad.Delivery::applied)
			.flatMap((delivery) -> delivery.last().eventIds().stream())
			.toList();
		settle(placed, buyers, applied, started, fault);
		return measure(fault, started, restart, recovery, placements, placed, buyers, deliveries, applied, notes);
	}

	private FaultResult measure(Fault fault, Instant started, Optional<Duration> restart, Optional<Duration> recovery,
			List<Placement> placements, List<UUID> placed, List<UUID> buyers, List<EventLoad.Delivery> deliveries,
			List<String> applied, List<String> notes) throws Exception {
		Outcomes.Report report = this.outcomes.of(placed);
		Map<UUID, String> statuses = this.database.statuses(placed);
		long refused = placements.stream().filter(Placement::shed).count();
		long failed = placements.stream().filter((p) -> !p.placed() && !p.shed()).count();
		long rejected = statuses.values().stream().filter("REJECTED"::equals).count();
		FaultResult.Orders orders = new FaultResult.Orders(placed.size(), refused, failed, report.lost(),
				report.doubled(), rejected);
		long stored = applied.isEmpty() ? 0 : this.database.eventsStored(applied);
		long unsent = this.outcomes.unsentOutbox("delivery");
		FaultResult.Events events = new FaultResult.Events(applied.size(),
				deliveries.stream().filter(EventLoad.Delivery::retried).count(), applied.size() - stored + unsent,
				this.database.eventsDoubled(applied, started)
						+ deliveries.stream().mapToLong(EventLoad.Delivery::mistakenForRepeats).sum());
		WebhookReceiver.Tally tally = this.webhooks.tally(buyers);
		FaultResult.Webhooks webhooks = new FaultResult.Webhooks(tally.messages(), tally.repeats(), tally.doubled(),
				untold(this.database.statuses(buyers)).size());
		List<String> allNotes = new ArrayList<>(notes);
		long held = statuses.values().stream().filter("ON_HOLD"::equals).count();
		if (held > 0) {
			allNotes.add(held + " held for credit review");
		}
		if (fault.component().filter(MailStandIn.NAME::equals).isPresent()) {
			DrillDatabase.Mail mail = this.database.mailSince(started);
			allNotes.add("e-mail: " + mail.delivered() + " delivered, " + mail.late() + " of them late, "
					+ mail.pending() + " pending, " + mail.failed() + " failed");
		}
		if (!report.byStatus().isEmpty()) {
			allNotes.add("orders by status " + report.byStatus());
		}
		return new FaultResult(fault.label(), started, restart, recovery, orders, events, webhooks,
				FaultResult.Stream.unknown(), allNotes);
	}

	/** Decided orders whose decision no webhook call has told (yet). */
	private List<UUID> untold(Map<UUID, String> statuses) {
		return statuses.entrySet().stream()
			.filter((entry) -> Set.of("ACCEPTED", "ON_HOLD", "REJECTED").contains(entry.getValue()))
			.filter((entry) -> !this.webhooks.told(entry.getKey(), entry.getValue()))
			.map(Map.Entry::getKey)
			.toList();
	}

	/**
	 * Waits until the platform has finished what it was given, or at most {@code settle}: every order decided and
	 * shipped, every applied event stored and sent on, no consumer behind, every decision on a {@code watched}
	 * (Rakennus Oy's) order told to the webhook receiver and, after a mail outage, no e-mail still waiting.
	 */
	private void settle(List<UUID> orders, List<UUID> watched, List<String> events, Instant since, Fault fault)
			throws InterruptedException {
		long deadline = System.nanoTime() + this.pace.settle().toNanos();
		boolean mail = fault.component().filter(MailStandIn.NAME::equals).isPresent();
		while (System.nanoTime() < deadline) {
			try {
				if (this.outcomes.of(orders).lost() == 0
						&& (events.isEmpty() || this.database.eventsStored(events) == events.size())
						&& this.outcomes.unsentOutbox("delivery") == 0
						&& untold(this.database.statuses(watched)).isEmpty()
						&& (!mail || this.database.mailSince(since).pending() == 0)
						&& ConsumerLag.byGroup(this.platform.kafkaBootstrapServers()).values().stream()
							.allMatch((lag) -> lag == 0)) {
					return;
				}
			}
			catch (Exception ex) {
				// not readable yet; what is unfinished at the deadline counts
			}
			Thread.sleep(1000);
		}
		this.out.println("    ⚠ not settled after " + Durations.of(this.pace.settle()));
	}

	/**
	 * The stream's gaps and duplicates, found once the drill has ended: every row the buyer may see, from the first
	 * the stream received to the last recorded, must have come, once. A stream that stopped receiving for good
	 * therefore shows its gaps. It gets a few seconds to catch up with the last rows first. Each gap is charged to the
	 * fault during which its row was recorded.
	 */
	private List<FaultResult> withStreamChecked(List<FaultResult> results) throws Exception {
		long last = this.database.lastStreamRow(RAKENNUS);
		long deadline = System.nanoTime() + STREAM_CATCH_UP.toNanos();
		while (System.nanoTime() < deadline && (this.stream.range().isEmpty() || this.stream.range().get(1) < last)) {
			Thread.sleep(500);
		}
		List<Long> range = this.stream.range();
		List<DrillDatabase.StreamRow> rows = range.isEmpty() ? List.of()
				: this.database.streamRows(RAKENNUS, range.get(0), Math.max(range.get(1), last));
		List<StreamCheck.Counts> counts = StreamCheck.byFault(results.stream().map(FaultResult::started).toList(), rows,
				this.stream.received(), this.stream.resumes());
		List<FaultResult> checked = new ArrayList<>(results.size());
		for (int i = 0; i < results.size(); i++) {
			StreamCheck.Counts fault = counts.get(i);
			checked.add(results.get(i)
				.withStream(new FaultResult.Stream(fault.resumes(), fault.gaps(), fault.duplicates())));
		}
		return checked;
	}

	/**
	 * Places orders first while the carrier has too few shipments on their way to report on (a fresh platform has
	 * none), for at most {@value #WARM_UP_MINUTES} minutes. It warms the platform up as well.
	 */
	private void shipFirstOrders() throws Exception {
		CarrierClient carrier = new CarrierClient(this.http, this.gateway, this.tokens, CARRIER);
		if (onTheirWay(carrier).size() >= FIRST_SHIPMENTS) {
			return;
		}
		this.out.printf("  … placing orders first, until %s has %d shipments to report on%n", CARRIER,
				FIRST_SHIPMENTS);
		GatewayClient buyer = gatewayClient(BUYER);
		buyer.signIn();
		long deadline = System.nanoTime() + Duration.ofMinutes(WARM_UP_MINUTES).toNanos();
		while (onTheirWay(carrier).size() < FIRST_SHIPMENTS && System.nanoTime() < deadline) {
			OrderLoad orders = OrderLoad.start(buyer, this.pace.orderRate());
			Thread.sleep(5000);
			orders.stop();
		}
	}

	/** Shipments of the carrier still on their way, to report on. */
	private static List<CarrierClient.Shipment> onTheirWay(CarrierClient carrier) throws Exception {
		List<CarrierClient.Shipment> shipments = new ArrayList<>(carrier.manifest("IN_TRANSIT", SHIPMENTS));
		if (shipments.size() < SHIPMENTS) {
			shipments.addAll(carrier.manifest("PLANNED", SHIPMENTS - shipments.size()));
		}
		return shipments;
	}

	private GatewayClient gatewayClient(String client) {
		return new GatewayClient(this.gateway, URI.create(this.platform.authServerUrl()), client);
	}

	private static void sleepUntil(long nanoTime) throws InterruptedException {
		long wait = nanoTime - System.nanoTime();
		if (wait > 0) {
			Thread.sleep(Duration.ofNanos(wait));
		}
	}

	@Override
	public void close() {
		if (this.stream != null) {
			this.stream.close();
		}
		if (this.webhooks != null) {
			this.webhooks.close();
		}
	}
}
