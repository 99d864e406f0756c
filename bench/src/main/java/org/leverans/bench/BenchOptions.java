package org.leverans.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@code ./leverans bench} was asked to do.
 * @param rate orders per second offered
 * @param duration how long orders are offered
 * @param settle the longest wait after the last order for the flow to finish; what is unfinished then counts as
 * lost
 * @param findKnee step the rate up from {@code rate} (doubling) until latency or loss breaks
 * @param home the running platform's home (its state file tells ports and processes)
 * @param client the API client that places the orders
 * @param partnerEvents offer carrier shipment events instead of orders; {@code rate} is then events per second
 * @param batch events per partner POST (1: each event on its own)
 * @param shipments how many shipments the partner events are spread over
 */
public record BenchOptions(double rate, Duration duration, Duration settle, boolean findKnee, Path home,
		String client, boolean partnerEvents, int batch, int shipments) {

	public static BenchOptions parse(List<String> args, Path defaultHome) {
		double rate = 20;
		Duration duration = Duration.ofSeconds(60);
		Duration settle = Duration.ofSeconds(30);
		boolean knee = false;
		Path home = defaultHome;
		String client = "rakennus-erp";
		boolean partnerEvents = false;
		int batch = 100;
		int shipments = 200;
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			switch (arg) {
				case "--rate" -> rate = Double.parseDouble(value(args, ++i, arg));
				case "--duration" -> duration = Duration.ofSeconds(Long.parseLong(value(args, ++i, arg)));
				case "--settle" -> settle = Duration.ofSeconds(Long.parseLong(value(args, ++i, arg)));
				case "--find-knee" -> knee = true;
				case "--home" -> home = Path.of(value(args, ++i, arg));
				case "--client" -> client = value(args, ++i, arg);
				case "--partner-events" -> partnerEvents = true;
				case "--batch" -> batch = Integer.parseInt(value(args, ++i, arg));
				case "--shipments" -> shipments = Integer.parseInt(value(args, ++i, arg));
				default -> throw new IllegalArgumentException("Unknown option " + arg
						+ "; use --rate N --duration SECONDS --settle SECONDS --find-knee --home DIR --client ID"
						+ " --partner-events --batch N --shipments N");
			}
		}
		if (rate <= 0 || duration.isZero() || duration.isNegative()) {
			throw new IllegalArgumentException("--rate and --duration must be positive");
		}
		if (batch < 1 || batch > 1000) {
			throw new IllegalArgumentException("--batch must be 1 to 1000, as the partner API takes");
		}
		if (shipments < 2) {
			throw new IllegalArgumentException("--shipments must be at least 2: one takes the live-stream probes");
		}
		return new BenchOptions(rate, duration, settle, knee, home, client, partnerEvents, batch, shipments);
	}

	private static String value(List<String> args, int i, String option) {
		if (i >= args.size()) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return args.get(i);
	}
}
