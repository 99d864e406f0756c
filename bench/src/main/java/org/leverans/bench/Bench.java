package org.leverans.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import org.leverans.bench.load.GatewayClient;
import org.leverans.bench.load.PacedOrders;
import org.leverans.bench.load.Placement;
import org.leverans.bench.load.Schedule;
import org.leverans.bench.load.Tokens;
import org.leverans.bench.partner.CarrierClient;
import org.leverans.bench.partner.EventBodies;
import org.leverans.bench.partner.LiveStreamProbe;
import org.leverans.bench.partner.PacedEvents;
import org.leverans.bench.partner.PartnerPost;
import org.leverans.bench.measure.ConsumerLag;
import org.leverans.bench.measure.Outcomes;
import org.leverans.bench.measure.Percentiles;
import org.leverans.bench.measure.ProcessCpu;
import org.leverans.bench.report.ResultTable;
import org.leverans.platform.Ports;
import org.leverans.platform.services.Service;
import org.leverans.platform.state.PlatformState;
import org.leverans.platform.state.StateFile;

/**
 * {@code ./leverans bench}: offers one-line orders at a steady rate through the gateway of a running platform,
 * waits for the flow to settle, and prints what it achieved and what it cost, all processes and databases
 * included.
 */
public final class Bench {

	/** Rakennus Oy, whose ERP client places the orders. */
	static final UUID CUSTOMER = UUID.fromString("11111111-1111-1111-1111-111111111111");

	/** A step holds when latency stays under a second and nothing is lost, doubled or failed. */
	static final double KNEE_LATENCY_MILLIS = 1000;

	/** The carrier whose events are offered: it serves Rakennus Oy's Finnish sites. */
	static final String CARRIER = "nordic-freight";

	private final BenchOptions options;

	private final PlatformState platform;

	private final Ports ports;

	private final Outcomes outcomes;

	Bench(BenchOptions options, PlatformState platform) {
		this.options = options;
		this.platform = platform;
		this.ports = new Ports(platform.portOffset());
		this.outcomes = new Outcomes(this.ports.postgres());
	}

	/** The benchmark against the platform whose home the options name. */
	public static Bench of(BenchOptions options) {
		PlatformState state = new StateFile(options.home()).read()
			.orElseThrow(() -> new IllegalStateException("No running platform under " + options.home()));
		return new Bench(options, state);
	}

	public static void main(String[] args) throws Exception {
		Path defaultHome = Path.of(System.getenv().getOrDefault("LEVERANS_HOME", ".leverans")).toAbsolutePath();
		BenchOptions options;
		try {
			options = BenchOptions.parse(Arrays.asList(args), defaultHome);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("  ✖ " + ex.getMessage());
			System.exit(2);
			return;
		}
		PlatformState state = new StateFile(options.home()).read().orElse(null);
		if (state == null) {
			System.err.println("  ✖ No running platform under " + options.home() + "; start one with ./leverans up");
			System.exit(1);
			return;
		}
		new Bench(options, state).run();
	}

	void run() throws Exception {
		System.out.println("  PostgreSQL: " + this.outcomes.durability());
		raiseCreditLimit();
		if (this.options.partnerEvents()) {
			System.out.println();
			System.out.println(partnerEvents(this.options.rate()).table().render());
			return;
		}
		if (!this.options.findKnee()) {
			Step step = step(this.options.rate());
			System.out.println();
			System.out.println(step.table().render());
			return;
		}
		List<Step> steps = new ArrayList<>();
		for (double rate = this.options.rate();; rate *= 2) {
			Step step = step(rate);
			steps.add(step);
			System.out.printf("  %.0f orders/s: %s%n", rate, step.holds() ? "held" : "broke (" + step.why() + ")");
			if (!step.holds()) {
				break;
			}
		}
		System.out.println();
		for (Step step : steps) {
			System.out.println(step.table().render());
		}
		Step best = steps.stream().filter(Step::holds).reduce((a, b) -> b).orElse(null);
		System.out.println((best != null) ? String.format("  Highest rate that held: %.0f orders/s", best.offered())
				: "  No rate held; start lower with --rate");
	}

	/**
	 * Lifts Rakennus Oy's credit limit through the admin API ({@code supplier-erp}), so that a long run measures
	 * throughput, not the limit.
	 */
	public void raiseCreditLimit() throws Exception {
		gatewayClient().raiseCreditLimit(CUSTOMER, "supplier-erp");
		System.out.println("  Raised Rakennus Oy's credit limit (PUT /api/admin/credit-accounts/…/limit as supplier-erp),"
				+ " so the limit is not what is measured");
	}

	/** Offers one-line orders at {@code rate} per second for the options' duration, then settles and reads. */
	public Step orders(double rate) throws Exception {
		return step(rate);
	}

	private Step step(double rate) throws Exception {
		GatewayClient client = gatewayClient();
		client.signIn();
		Schedule schedule = new Schedule(rate, this.options.duration());
		Map<String, Long> pids = processes();
		List<String> databases = Service.databases();
		Map<String, Double> cpuBefore = ProcessCpu.snapshot(pids);
		long commitsBefore = this.outcomes.commits(databases);
		Map<String, Long> statementsBefore = this.outcomes.statements(databases);
		long started = System.nanoTime();
		System.out.printf("  … offering %.0f orders/s for %d s, then settling for %d s%n", rate,
				this.options.duration().toSeconds(), this.options.settle().toSeconds());
		List<Placement> placements = new PacedOrders(client).run(schedule);
		double sendSeconds = (System.nanoTime() - started) / 1e9;
		List<UUID> placed = placements.stream().filter(Placement::placed).map(Placement::orderId).toList();
		settle(() -> this.outcomes.of(placed).lost() == 0);
		Map<String, Double> cpuAfter = ProcessCpu.snapshot(pids);
		long commits = this.outcomes.commits(databases) - commitsBefore;
		Map<String, Long> statements = statementsSince(statementsBefore);
		Outcomes.Report report = this.outcomes.of(placed);
		Map<String, Long> lag = ConsumerLag.byGroup("localhost:" + this.ports.kafka());
		return new Step(rate, sendSeconds, placements, report, cpuBefore, cpuAfter, commits, statements, lag);
	}

	/**
	 * Offers {@code rate} shipment events per second as the carrier {@code nordic-freight}, in POSTs of
	 * {@code --batch} events, to shipments of Rakennus Oy (placing orders first if there are too few), while a buyer's
	 * live stream is open and probe events are timed to it.
	 */
	public PartnerRun partnerEvents(double rate) throws Exception {
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.executor(Executors.newVirtualThreadPerTaskExecutor())
			.build();
		URI gateway = URI.create("http://localhost:" + this.ports.service(Service.GATEWAY));
		Tokens tokens = new Tokens(http, URI.create("http://localhost:" + this.ports.service(Service.AUTH_SERVER)));
		CarrierClient carrier = new CarrierClient(http, gateway, tokens, CARRIER);
		List<CarrierClient.Shipment> shipments = shipmentsToReportOn(carrier);
		String prefix = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "-";
		int batch = this.options.batch();
		try (LiveStreamProbe stream = new LiveStreamProbe(http, gateway, tokens.of(this.options.client()),
				shipments.getFirst().id())) {
			Thread.sleep(2000);
			PacedEvents.ProbeEvents probes = new PacedEvents.ProbeEvents(prefix, shipments.getFirst(), stream);
			EventBodies load = new EventBodies(prefix, shipments.subList(1, shipments.size()));
			Schedule schedule = new Schedule(rate / batch, this.options.duration());
			Map<String, Long> pids = processes();
			Map<String, Double> cpuBefore = ProcessCpu.snapshot(pids);
			long commitsBefore = this.outcomes.commits(Service.databases());
			Map<String, Long> statementsBefore = this.outcomes.statements(Service.databases());
			System.out.printf("  … offering %.0f events/s (%s) as %s for %d s, then settling for %d s%n", rate,
					(batch == 1) ? "one per POST" : "batches of " + batch, CARRIER, this.options.duration().toSeconds(),
					this.options.settle().toSeconds());
			long started = System.nanoTime();
			List<PartnerPost> posts = new PacedEvents(carrier).run(schedule, batch, load, probes);
			double sendSeconds = (System.nanoTime() - started) / 1e9;
			long accepted = posts.stream().mapToLong(PartnerPost::accepted).sum();
			List<String> mustBeStored = posts.stream()
				.filter(PartnerPost::allApplied)
				.flatMap(post -> post.eventIds().stream())
				.toList();
			settle(() -> this.outcomes.partnerEventsStored(mustBeStored) == mustBeStored.size()
					&& this.outcomes.unsentOutbox("delivery") == 0);
			Map<String, Double> cpuAfter = ProcessCpu.snapshot(pids);
			long commits = this.outcomes.commits(Service.databases()) - commitsBefore;
			Map<String, Long> statements = statementsSince(statementsBefore);
			long lost = mustBeStored.size() - this.outcomes.partnerEventsStored(mustBeStored);
			long unsent = this.outcomes.unsentOutbox("delivery");
			Map<String, Long> lag = ConsumerLag.byGroup("localhost:" + this.ports.kafka());
			long shed = posts.stream().filter(PartnerPost::shed).count();
			long failed = posts.stream().filter(PartnerPost::failed).count();
			List<Double> probeLatencies = stream.latencies();
			ResultTable table = new ResultTable()
				.row("offered / achieved", String.format("%.0f / %.0f events/s", rate, accepted / sendSeconds))
				.row("POSTs of " + batch + ": answered 202 / shed (429, 503) / failed",
						(posts.size() - shed - failed) + " / " + shed + " / " + failed)
				.row("POST latency p50 / p95 / p99",
						Percentiles.of(posts.stream().map(PartnerPost::latencyMillis).toList()).summary())
				.row("events accepted / duplicates / rejected", accepted + " / "
						+ posts.stream().mapToLong(PartnerPost::duplicates).sum() + " / "
						+ posts.stream().mapToLong(PartnerPost::rejected).sum())
				.row("lost (applied, not stored; stored, not sent on)", lost + ", " + unsent)
				.row("partner POST → buyer's live stream p50 / p95 / p99",
						Percentiles.of(probeLatencies).summary() + " (" + probeLatencies.size() + " of "
								+ stream.sent() + " probes arrived)");
			double total = 0;
			long perThousand = Math.max(1, accepted);
			for (Map.Entry<String, Double> after : cpuAfter.entrySet()) {
				double used = after.getValue() - cpuBefore.getOrDefault(after.getKey(), 0.0);
				total += used;
				table.row("CPU per 1,000 events: " + after.getKey(),
						String.format("%.0f ms", used * 1_000_000 / perThousand));
			}
			table.row("CPU per 1,000 events: all processes", String.format("%.0f ms", total * 1_000_000 / perThousand));
			table.row("database commits per 1,000 events", String.format("%.1f", commits * 1000.0 / perThousand));
			statementsRow(table, "database statements per 1,000 events", statements, perThousand / 1000.0);
			table.row("consumer lag at the end", lag.values().stream().mapToLong(Long::longValue).sum() + " " + lag);
			return new PartnerRun(table, mustBeStored.size(), lost + unsent,
					posts.stream().mapToLong(PartnerPost::duplicates).sum());
		}
	}

	/** Statements per database since {@code before}, as {@link Outcomes#statements} counts them. */
	private Map<String, Long> statementsSince(Map<String, Long> before) throws SQLException {
		Map<String, Long> statements = new TreeMap<>();
		this.outcomes.statements(Service.databases())
			.forEach((db, calls) -> statements.put(db, calls - before.getOrDefault(db, 0L)));
		return statements;
	}

	/**
	 * The row of statements per unit, in all and per database; none where PostgreSQL does not count them
	 * ({@code pg_stat_statements} not loaded).
	 */
	private static void statementsRow(ResultTable table, String measure, Map<String, Long> statements, double units) {
		if (statements.isEmpty()) {
			return;
		}
		Map<String, String> perDatabase = new LinkedHashMap<>();
		statements.forEach((db, calls) -> perDatabase.put(db, String.format("%.1f", calls / units)));
		table.row(measure, String.format("%.1f", statements.values().stream().mapToLong(Long::longValue).sum() / units)
				+ " " + perDatabase);
	}

	/**
	 * What a run of partner events came to.
	 * @param applied events whose POST said they were applied
	 * @param lost of those, events delivery-service has not stored, plus stored ones never sent on to Kafka
	 * @param duplicates events the platform said it already had, though each was sent once
	 */
	public record PartnerRun(ResultTable table, long applied, long lost, long duplicates) {
	}

	/**
	 * Waits until the platform has finished what it was given (the check holds and no consumer lags), or at most
	 * {@code --settle}: what is unfinished then counts as lost.
	 */
	private void settle(Check done) throws Exception {
		long deadline = System.nanoTime() + this.options.settle().toNanos();
		while (System.nanoTime() < deadline) {
			if (done.holds() && ConsumerLag.byGroup("localhost:" + this.ports.kafka()).values().stream()
				.allMatch(lag -> lag == 0)) {
				return;
			}
			Thread.sleep(1000);
		}
	}

	@FunctionalInterface
	private interface Check {

		boolean holds() throws Exception;
	}

	/** Shipments of the carrier still on their way; orders are placed first when there are too few. */
	private List<CarrierClient.Shipment> shipmentsToReportOn(CarrierClient carrier) throws Exception {
		// Spread over many shipments, so that the events do not all queue for one shipment's lock.
		int wanted = this.options.shipments();
		List<CarrierClient.Shipment> shipments = onTheirWay(carrier, wanted);
		if (shipments.size() < wanted) {
			int missing = wanted - shipments.size();
			System.out.printf("  … placing %d orders first, so that %s has %d shipments to report on%n", missing,
					CARRIER, wanted);
			GatewayClient client = gatewayClient();
			client.signIn();
			new PacedOrders(client).run(new Schedule(20, Duration.ofMillis(missing * 50L + 1)));
			long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
			while ((shipments = onTheirWay(carrier, wanted)).size() < wanted && System.nanoTime() < deadline) {
				Thread.sleep(1000);
			}
		}
		if (shipments.size() < 2) {
			throw new IllegalStateException(CARRIER + " has no shipments to report on");
		}
		return shipments;
	}

	private static List<CarrierClient.Shipment> onTheirWay(CarrierClient carrier, int wanted) throws Exception {
		List<CarrierClient.Shipment> shipments = new ArrayList<>(carrier.manifest("IN_TRANSIT", wanted));
		if (shipments.size() < wanted) {
			shipments.addAll(carrier.manifest("PLANNED", wanted - shipments.size()));
		}
		return shipments;
	}

	private GatewayClient gatewayClient() {
		return new GatewayClient(URI.create("http://localhost:" + this.ports.service(Service.GATEWAY)),
				URI.create("http://localhost:" + this.ports.service(Service.AUTH_SERVER)), this.options.client());
	}

	/** Every component with a process of its own, by name; PostgreSQL's backends count with its postmaster. */
	private Map<String, Long> processes() {
		Map<String, Long> pids = new LinkedHashMap<>();
		for (PlatformState.ComponentState component : this.platform.components()) {
			component.process().ifPresent(process -> pids.put(component.name(), process.pid()));
		}
		return pids;
	}

	/** What a run of orders came to. */
	public record Step(double offered, double sendSeconds, List<Placement> placements, Outcomes.Report outcomes,
			Map<String, Double> cpuBefore, Map<String, Double> cpuAfter, long commits, Map<String, Long> statements,
			Map<String, Long> lag) {

		public long lost() {
			return this.outcomes.lost();
		}

		public long doubled() {
			return this.outcomes.doubled();
		}

		public long placed() {
			return this.placements.stream().filter(Placement::placed).count();
		}

		long shed() {
			return this.placements.stream().filter(Placement::shed).count();
		}

		long failed() {
			return this.placements.size() - placed() - shed();
		}

		/** Which guard refused: the gateway's in-flight bound, order-service's admission, the rate limit. */
		Map<String, Long> shedByRefusal() {
			return this.placements.stream()
				.filter(Placement::shed)
				.collect(Collectors.groupingBy(Placement::refusal, TreeMap::new, Collectors.counting()));
		}

		Percentiles postLatency() {
			return Percentiles.of(this.placements.stream().map(Placement::latencyMillis).toList());
		}

		/** The POSTs that placed an order: what a client the platform took on waited. */
		Percentiles admittedLatency() {
			return Percentiles
				.of(this.placements.stream().filter(Placement::placed).map(Placement::latencyMillis).toList());
		}

		boolean holds() {
			return why().isEmpty();
		}

		String why() {
			List<String> broken = new ArrayList<>();
			if (postLatency().at(99) > KNEE_LATENCY_MILLIS) {
				broken.add("POST p99 over 1 s");
			}
			if (this.outcomes.placedToAccepted().at(99) > KNEE_LATENCY_MILLIS) {
				broken.add("placed → accepted p99 over 1 s");
			}
			if (this.outcomes.lost() > 0 || this.outcomes.doubled() > 0) {
				broken.add("lost or doubled");
			}
			if (failed() + shed() > this.placements.size() / 100) {
				broken.add("over 1 % refused or failed");
			}
			return String.join(", ", broken);
		}

		public ResultTable table() {
			long placed = Math.max(1, placed());
			ResultTable table = new ResultTable()
				.row("offered / achieved", String.format("%.1f / %.1f orders/s", this.offered, placed() / this.sendSeconds))
				.row("POSTs: placed / shed (429, 503) / failed", placed() + " / " + shed() + " / " + failed())
				.row("— shed by problem type", shed() == 0 ? "none" : shedByRefusal().toString())
				.row("POST latency p50 / p95 / p99", postLatency().summary())
				.row("— of POSTs that placed an order (202)", admittedLatency().summary())
				.row("placed → accepted p50 / p95 / p99", this.outcomes.placedToAccepted().summary())
				.row("lost (undecided, accepted without shipment)", this.outcomes.lost() + " ("
						+ this.outcomes.undecided() + ", " + this.outcomes.acceptedWithoutShipment() + ")")
				.row("doubled (acceptances, reservations, shipments)", this.outcomes.doubled() + " ("
						+ this.outcomes.doubledAcceptances() + ", " + this.outcomes.doubledReservations() + ", "
						+ this.outcomes.doubledShipments() + ")")
				.row("orders by status", this.outcomes.byStatus().toString());
			double total = 0;
			for (Map.Entry<String, Double> after : this.cpuAfter.entrySet()) {
				double used = after.getValue() - this.cpuBefore.getOrDefault(after.getKey(), 0.0);
				total += used;
				table.row("CPU per order: " + after.getKey(), String.format("%.1f ms", used * 1000 / placed));
			}
			table.row("CPU per order: all processes", String.format("%.1f ms", total * 1000 / placed));
			table.row("database commits per order", String.format("%.1f", (double) this.commits / placed));
			statementsRow(table, "database statements per order", this.statements, placed);
			table.row("consumer lag at the end", this.lag.values().stream().mapToLong(Long::longValue).sum() + " "
					+ this.lag);
			return table;
		}
	}

}
