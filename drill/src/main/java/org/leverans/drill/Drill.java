package org.leverans.drill;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.leverans.drill.report.DrillReport;
import org.leverans.drill.report.Machine;
import org.leverans.drill.report.ReportFile;
import org.leverans.platform.Platform;
import org.leverans.platform.PlatformSettings;
import org.leverans.platform.services.Service;

/**
 * {@code ./leverans drill}: starts a platform of its own (fresh home, offset ports, order-service and
 * delivery-service as two instances each, no partner simulator), breaks it one component at a time during a paced
 * load ({@link FaultDrill}), prints the table and writes it to {@code docs/reliability.md}. Exits 1 if anything was
 * lost, doubled or failed.
 */
public final class Drill {

	/** Several instances of the services a crash of one instance must not stop. */
	static final Map<Service, Integer> INSTANCES = Map.of(Service.ORDER, 2, Service.DELIVERY, 2);

	private Drill() {
	}

	public static void main(String[] args) throws Exception {
		// The drill's own libraries (Kafka's admin client, the embedded PostgreSQL library) speak up only when it
		// matters; the library's complaint that a killed server would not stop is expected.
		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
		System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
		System.setProperty("org.slf4j.simpleLogger.log.io.zonky", "off");
		Path root = Path.of(System.getenv().getOrDefault("LEVERANS_PROJECT_ROOT", "")).toAbsolutePath().normalize();
		DrillOptions options;
		try {
			options = DrillOptions.parse(Arrays.asList(args), root);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("  ✖ " + ex.getMessage());
			System.exit(2);
			return;
		}
		System.exit(run(options, root, args) ? 0 : 1);
	}

	private static boolean run(DrillOptions options, Path root, String[] args) throws Exception {
		PlatformSettings settings = PlatformSettings.defaults(root)
			.withHome(options.home())
			.withPortOffset(options.portOffset())
			.withFresh(true)
			.withSimulator(false)
			.withInstances(INSTANCES);
		List<Fault> faults = Faults.only(Faults.standard(settings, options.postgresOutage(), options.standInOutage()),
				options.faults());
		String loadBefore = Machine.loadAverage();
		System.out.println();
		System.out.println("  Leverans fault drill: starting a platform of its own in " + options.home()
				+ " (fresh, port offset " + options.portOffset() + ", " + instances() + ", no partner simulator),"
				+ " so that it can kill and restart every component; your own platform is left alone");
		System.out.println("  Machine: " + Machine.describe() + "; load average " + loadBefore);
		DrillReport report;
		try (Platform platform = Platform.start(settings)) {
			if (!platform.skippedServices().isEmpty()) {
				System.err.println("  ✖ Services were not started: " + platform.skippedServices());
				return false;
			}
			try (FaultDrill drill = new FaultDrill(platform, options.pace(), System.out)) {
				report = drill.run(faults);
			}
		}
		String section = section(options, args, loadBefore, report);
		System.out.println();
		System.out.println(section);
		if (options.report() != null) {
			ReportFile.write(options.report(), section);
			System.out.println("  Written to " + options.report());
		}
		return report.held();
	}

	private static String section(DrillOptions options, String[] args, String loadBefore, DrillReport report) {
		DrillPace pace = options.pace();
		String command = ("./leverans drill " + String.join(" ", args)).strip();
		return """
				**%s**, `%s`: a platform of its own (%s, port offset %d, fresh home, no partner simulator). Machine: \
				%s; load average %s before the drill and %s after it. Each fault met %s orders/s and %s carrier events/s \
				(POSTs of %d) through the gateway, %s before the kill and %s after recovery; PostgreSQL was down for \
				%s, the stand-ins for %s; then up to %s to settle.

				%s
				%s
				""".formatted(LocalDate.now(), command, instances(), options.portOffset(), Machine.describe(),
				loadBefore, Machine.loadAverage(), number(pace.orderRate()), number(pace.eventRate()), pace.batch(),
				Durations.of(pace.lead()), Durations.of(pace.tail()), Durations.of(options.postgresOutage()),
				Durations.of(options.standInOutage()), Durations.of(pace.settle()), report.table(),
				report.held() ? "Every fault: nothing lost, nothing doubled, no order failed."
						: "**The drill failed**: see the notes in bold.");
	}

	private static String instances() {
		return INSTANCES.entrySet().stream()
			.sorted(Map.Entry.comparingByKey())
			.map((entry) -> entry.getKey().module() + " ×" + entry.getValue())
			.collect(Collectors.joining(", "));
	}

	private static String number(double value) {
		return (value == Math.rint(value)) ? String.valueOf((long) value) : String.valueOf(value);
	}
}
