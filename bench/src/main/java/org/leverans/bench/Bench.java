package org.leverans.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.leverans.bench.load.GatewayClient;
import org.leverans.bench.load.PacedOrders;
import org.leverans.bench.load.Placement;
import org.leverans.bench.load.Schedule;
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
		gatewayClient().raiseCreditLimit(CUSTOMER, "supplier-erp");
		System.out.println("  Raised Rakennus Oy's credit limit (PUT /api/admin/credit-accounts/…/limit as supplier-erp),"
				+ " so the limit is not what is measured");
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

	private Step step(double rate) throws Exception {
		GatewayClient client = gatewayClient();
		client.signIn();
		Schedule schedule = new Schedule(rate, this.options.duration());
		Map<String, Long> pids = processes();
		List<String> databases = Service.databases();
		Map<String, Double> cpuBefore = ProcessCpu.snapshot(pids);
		long commitsBefore = this.outcomes.commits(databases);
		long started = System.nanoTime();
		System.out.printf("  … offering %.0f orders/s for %d s, then settling for %d s%n", rate,
				this.options.duration().toSeconds(), this.options.settle().toSeconds());
		List<Placement> placements = new PacedOrders(client).run(schedule);
		double sendSeconds = (System.nanoTime() - started) / 1e9;
		Thread.sleep(this.options.settle().toMillis());
		Map<String, Double> cpuAfter = ProcessCpu.snapshot(pids);
		long commits = this.outcomes.commits(databases) - commitsBefore;
		List<UUID> placed = placements.stream().filter(Placement::placed).map(Placement::orderId).toList();
		Outcomes.Report report = this.outcomes.of(placed);
		Map<String, Long> lag = ConsumerLag.byGroup("localhost:" + this.ports.kafka());
		return new Step(rate, sendSeconds, placements, report, cpuBefore, cpuAfter, commits, lag);
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

	record Step(double offered, double sendSeconds, List<Placement> placements, Outcomes.Report outcomes,
			Map<String, Double> cpuBefore, Map<String, Double> cpuAfter, long commits, Map<String, Long> lag) {

		long placed() {
			return this.placements.stream().filter(Placement::placed).count();
		}

		long shed() {
			return this.placements.stream().filter(Placement::shed).count();
		}

		long failed() {
			return this.placements.size() - placed() - shed();
		}

		Percentiles postLatency() {
			return Percentiles.of(this.placements.stream().map(Placement::latencyMillis).toList());
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

		ResultTable table() {
			long placed = Math.max(1, placed());
			ResultTable table = new ResultTable()
				.row("offered / achieved", String.format("%.1f / %.1f orders/s", this.offered, placed() / this.sendSeconds))
				.row("POSTs: placed / shed (429, 503) / failed", placed() + " / " + shed() + " / " + failed())
				.row("POST latency p50 / p95 / p99", postLatency().summary())
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
			table.row("consumer lag at the end", this.lag.values().stream().mapToLong(Long::longValue).sum() + " "
					+ this.lag);
			return table;
		}
	}

}
