package org.leverans.drill;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code ./leverans drill} was asked to do.
 * @param home the drill's own platform home, wiped at the start
 * @param portOffset added to every port of the drill's platform, so it runs beside a developer's own
 * @param pace the load offered during every fault
 * @param postgresOutage how long PostgreSQL stays down
 * @param standInOutage how long the mail and credit bureau stand-ins stay down
 * @param faults the components to break, in order; empty for every one ({@link Faults#standard})
 * @param report the Markdown file the table is written into, or null to only print it
 */
public record DrillOptions(Path home, int portOffset, DrillPace pace, Duration postgresOutage,
		Duration standInOutage, List<String> faults, Path report) {

	/** Beside a developer's platform (offset 0) and the end-to-end tests' (10000). */
	public static final int DEFAULT_PORT_OFFSET = 2000;

	public DrillOptions {
		faults = List.copyOf(faults);
	}

	static DrillOptions parse(List<String> args, Path projectRoot) {
		Path home = projectRoot.resolve(".leverans-drill");
		int offset = DEFAULT_PORT_OFFSET;
		DrillPace pace = DrillPace.standard();
		Duration postgres = Duration.ofMinutes(3);
		Duration standIns = Duration.ofSeconds(30);
		List<String> faults = new ArrayList<>();
		Path report = projectRoot.resolve("docs/reliability.md");
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			switch (arg) {
				case "--home" -> home = Path.of(value(args, ++i, arg)).toAbsolutePath();
				case "--port-offset" -> offset = Integer.parseInt(value(args, ++i, arg));
				case "--rate" -> pace = pace.withOrderRate(positive(value(args, ++i, arg), arg));
				case "--event-rate" -> pace = pace.withEventRate(positive(value(args, ++i, arg), arg));
				case "--batch" -> pace = pace.withBatch((int) positive(value(args, ++i, arg), arg));
				case "--settle" -> pace = pace.withSettle(seconds(value(args, ++i, arg), arg));
				case "--postgres-outage" -> postgres = seconds(value(args, ++i, arg), arg);
				case "--stand-in-outage" -> standIns = seconds(value(args, ++i, arg), arg);
				case "--faults" -> faults = List.of(value(args, ++i, arg).split(","));
				case "--report" -> report = Path.of(value(args, ++i, arg)).toAbsolutePath();
				case "--no-report" -> report = null;
				default -> throw new IllegalArgumentException("Unknown option " + arg + "; use --home DIR --port-offset N"
						+ " --rate ORDERS_PER_S --event-rate EVENTS_PER_S --batch N --settle S --postgres-outage S"
						+ " --stand-in-outage S --faults a,b,c --report FILE --no-report");
			}
		}
		return new DrillOptions(home, offset, pace, postgres, standIns,
				faults.stream().map(String::trim).filter((fault) -> !fault.isEmpty()).toList(), report);
	}

	private static String value(List<String> args, int i, String option) {
		if (i >= args.size()) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return args.get(i);
	}

	private static double positive(String value, String option) {
		double number = Double.parseDouble(value);
		if (!(number > 0)) {
			throw new IllegalArgumentException(option + " must be positive, was " + value);
		}
		return number;
	}

	private static Duration seconds(String value, String option) {
		long seconds = Long.parseLong(value);
		if (seconds < 0) {
			throw new IllegalArgumentException(option + " takes seconds, at least 0; was " + value);
		}
		return Duration.ofSeconds(seconds);
	}
}
