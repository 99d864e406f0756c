package org.leverans.platform;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.leverans.platform.control.PlatformControl;
import org.leverans.platform.observability.Observability;
import org.leverans.platform.observability.PrometheusServer;
import org.leverans.platform.observability.ZipkinServer;
import org.leverans.platform.process.Readiness;
import org.leverans.platform.process.StartupFailure;
import org.leverans.platform.services.Service;
import org.leverans.simulator.CarrierProfile;
import org.leverans.simulator.DemoCarrier;

/**
 * The launcher behind {@code ./leverans}: {@code up} runs the platform in the foreground until Ctrl-C or
 * {@code ./leverans down}; {@code down} and {@code status} act on it from another terminal.
 */
public final class Leverans {

	static final String PROJECT_ROOT_ENV = "LEVERANS_PROJECT_ROOT";

	private static final String USAGE = """
			Usage: ./leverans <command> [options]

			  up       build what is missing, then start the platform in the foreground
			             --fresh               start from empty data (wipes the platform home)
			             --no-build            start what is built, without building what is missing first
			             --port-offset <n>     add n to every port (also env LEVERANS_PORT_OFFSET)
			             --services <a,b>      start only these services (module names)
			             --infrastructure-only start Kafka, PostgreSQL and the stand-ins, no services
			             --instances <a=n,b=m> run services as several instances, e.g.
			                                   order-service=2,gateway=2 (ports 100 apart: 8081, 8181)
			             --no-simulator        do not run the demo carriers that move planned shipments
			             --simulator-speed <n> demo seconds per real second (default 60: a demo hour per minute)
			             --observability       also start Prometheus (Debian's prometheus) with the Leverans dashboard,
			                                   and Zipkin showing every request's trace (fetched from Maven Central)
			             --simulator-profiles <carrier=profile,…>  how the demo carriers keep their promises: punctual,
			                                   optimistic, unannounced-delays, drifting-later, often-early (default
			                                   nordic-freight=punctual,baltic-haulage=optimistic)
			  down     stop a running platform (from any terminal)
			  status   show which components run

			Environment: LEVERANS_HOME (data, default .leverans), KAFKA_BOOTSTRAP_SERVERS (use an existing Kafka),
			LEVERANS_POSTGRES_URL/_USER/_PASSWORD (use an existing PostgreSQL, e.g. jdbc:postgresql://host:5432/).
			""";

	private final Path projectRoot;

	private final Map<String, String> env;

	private final PrintStream out;

	Leverans(Path projectRoot, Map<String, String> env, PrintStream out) {
		this.projectRoot = projectRoot;
		this.env = env;
		this.out = out;
	}

	public static void main(String[] args) {
		// The launcher's own libraries (PostgreSQL driver, Kafka admin client) only speak up when something is wrong.
		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
		System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
		loadOwnClasses();
		Leverans leverans = new Leverans(projectRoot(System.getenv()), System.getenv(), System.out);
		int exitCode = leverans.run(args);
		if (exitCode >= 0) {
			System.exit(exitCode);
		}
	}

	/*
	 * The launcher jar lives in platform/target, which a rebuild replaces while the platform runs. Loading every
	 * class of it now means stopping the platform later never needs the (possibly replaced) jar.
	 */
	private static void loadOwnClasses() {
		try {
			Path location = Path.of(Leverans.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			if (!Files.isRegularFile(location)) {
				return;
			}
			try (JarFile jar = new JarFile(location.toFile())) {
				ClassLoader loader = Leverans.class.getClassLoader();
				for (String name : jar.stream()
					.map(JarEntry::getName)
					.filter((entry) -> entry.startsWith("org/leverans/platform/") && entry.endsWith(".class"))
					.toList()) {
					Class.forName(name.substring(0, name.length() - ".class".length()).replace('/', '.'), false, loader);
				}
			}
		}
		catch (Exception | LinkageError ex) {
			// only a safeguard; the launcher works without it
		}
	}

	/** Runs a command; returns the exit code, or -1 when the platform keeps running in the foreground. */
	int run(String[] args) {
		String command = (args.length == 0) ? "help" : args[0];
		List<String> options = List.of(args).subList(Math.min(1, args.length), args.length);
		try {
			return switch (command) {
				case "up" -> {
					if (options.contains("--help") || options.contains("-h")) {
						this.out.print(USAGE);
						yield 0;
					}
					yield up(UpOptions.parse(options, this.out));
				}
				case "down" -> {
					new PlatformControl(settings().home(), this.out).down();
					yield 0;
				}
				case "status" -> new PlatformControl(settings().home(), this.out).status() ? 0 : 3;
				case "help", "-h", "--help" -> {
					this.out.print(USAGE);
					yield 0;
				}
				default -> {
					this.out.println("Unknown command '" + command + "'.");
					this.out.print(USAGE);
					yield 2;
				}
			};
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			this.out.println("  ✖ " + ex.getMessage());
			return 1;
		}
	}

	private PlatformSettings settings() {
		return PlatformSettings.fromEnvironment(this.projectRoot, this.env);
	}

	private int up(UpOptions options) {
		PlatformSettings settings = options.applyTo(settings());
		Optional<Path> zipkinJar = options.observability()
				? Observability.traceViewerJar(this.projectRoot, this.env, this.out) : Optional.empty();
		if (zipkinJar.isPresent()) {
			settings = settings.withServiceEnvironment(
					Observability.withTraces(settings.serviceEnvironment(), settings.portOffset(), this.env));
		}
		this.out.println();
		this.out.println("  Leverans: starting the local platform in " + settings.home()
				+ ((settings.portOffset() != 0) ? " (port offset " + settings.portOffset() + ")" : ""));
		Platform platform = Platform.prepare(settings, ProgressListener.printingTo(this.out));
		CountDownLatch stopped = new CountDownLatch(1);
		AtomicReference<PrometheusServer> prometheus = new AtomicReference<>();
		AtomicReference<ZipkinServer> zipkin = new AtomicReference<>();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			this.out.println();
			this.out.println("  Stopping Leverans…");
			PrometheusServer observing = prometheus.get();
			if (observing != null) {
				observing.stop();
			}
			ZipkinServer tracing = zipkin.get();
			if (tracing != null) {
				tracing.stop();
			}
			platform.close();
			this.out.println("  ✔ stopped, nothing left running");
			stopped.countDown();
		}, "leverans-shutdown"));
		try {
			platform.run();
		}
		catch (Readiness.Abandoned ex) {
			// Ctrl-C or ./leverans down while starting; the shutdown hook is stopping everything
			awaitQuietly(stopped);
			return -1;
		}
		catch (StartupFailure ex) {
			this.out.println("  ✖ Leverans did not start; everything it had started is stopped again.");
			return 1;
		}
		catch (RuntimeException ex) {
			this.out.println("  ✖ Leverans did not start: " + ex);
			return 1;
		}
		if (options.observability()) {
			Observability.start(platform, this.env, this.out).ifPresent(prometheus::set);
			zipkinJar.flatMap((jar) -> Observability.startTraceViewer(platform, jar, this.out)).ifPresent(zipkin::set);
		}
		new Banner(platform).print(this.out);
		awaitQuietly(stopped);
		return -1;
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** {@code LEVERANS_PROJECT_ROOT} (set by ./leverans), else the checkout the launcher jar was built in. */
	static Path projectRoot(Map<String, String> env) {
		String root = env.get(PROJECT_ROOT_ENV);
		if (root != null && !root.isBlank()) {
			return Path.of(root).toAbsolutePath().normalize();
		}
		try {
			Path location = Path.of(Leverans.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			// platform/target/platform-<version>.jar or platform/target/classes
			Path candidate = location.getParent().getParent().getParent();
			if (candidate != null && Files.isDirectory(candidate.resolve("platform"))) {
				return candidate;
			}
		}
		catch (URISyntaxException | RuntimeException ex) {
			// fall back to the working directory
		}
		return Path.of("").toAbsolutePath();
	}

	/** Options of {@code up}; unknown ones are reported and ignored, so newer scripts work with older launchers. */
	record UpOptions(boolean fresh, Integer portOffset, Set<Service> services, boolean noSimulator,
			Double simulatorSpeed, Map<String, CarrierProfile> simulatorProfiles, Map<Service, Integer> instances,
			boolean observability) {

		static UpOptions parse(List<String> args, PrintStream out) {
			boolean fresh = false;
			Integer offset = null;
			Set<Service> services = null;
			boolean noSimulator = false;
			Double simulatorSpeed = null;
			Map<String, CarrierProfile> simulatorProfiles = Map.of();
			Map<Service, Integer> instances = Map.of();
			boolean observability = false;
			List<String> unknown = new ArrayList<>();
			for (int i = 0; i < args.size(); i++) {
				String arg = args.get(i);
				String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
				String inlineValue = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
				switch (name) {
					case "--fresh" -> fresh = true;
					case "--port-offset" -> {
						String value = (inlineValue != null) ? inlineValue : valueAfter(args, i++, name);
						offset = PlatformSettings.parseOffset(value, name);
					}
					case "--services" -> {
						String value = (inlineValue != null) ? inlineValue : valueAfter(args, i++, name);
						services = services(value);
					}
					case "--infrastructure-only" -> services = EnumSet.noneOf(Service.class);
					case "--instances" -> {
						String value = (inlineValue != null) ? inlineValue : valueAfter(args, i++, name);
						instances = instances(value);
					}
					case "--no-simulator" -> noSimulator = true;
					case "--simulator-speed" -> {
						String value = (inlineValue != null) ? inlineValue : valueAfter(args, i++, name);
						simulatorSpeed = speed(value, name);
					}
					case "--observability" -> observability = true;
					case "--simulator-profiles" -> {
						String value = (inlineValue != null) ? inlineValue : valueAfter(args, i++, name);
						simulatorProfiles = profiles(value, name);
					}
					default -> unknown.add(arg);
				}
			}
			if (!unknown.isEmpty()) {
				// Started anyway, a mistyped option would quietly run another platform than the one asked for.
				throw new IllegalArgumentException("unknown option" + ((unknown.size() > 1) ? "s " : " ")
						+ String.join(" ", unknown) + "; ./leverans up --help lists them");
			}
			return new UpOptions(fresh, offset, services, noSimulator, simulatorSpeed, simulatorProfiles,
					instances, observability);
		}

		private static String valueAfter(List<String> args, int index, String name) {
			if (index + 1 >= args.size()) {
				throw new IllegalArgumentException(name + " needs a value");
			}
			return args.get(index + 1);
		}

		private static double speed(String value, String name) {
			try {
				double speed = Double.parseDouble(value);
				if (speed > 0 && Double.isFinite(speed)) {
					return speed;
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
			throw new IllegalArgumentException(name + " must be a positive number, was '" + value + "'");
		}

		/** {@code nordic-freight=drifting-later,baltic-haulage=often-early}: carriers playing another profile. */
		private static Map<String, CarrierProfile> profiles(String value, String name) {
			Map<String, CarrierProfile> profiles = new LinkedHashMap<>();
			for (String pair : value.split(",")) {
				if (pair.isBlank()) {
					continue;
				}
				String[] parts = pair.split("=", 2);
				String carrier = parts[0].trim();
				if (parts.length < 2 || !DemoCarrier.codes().contains(carrier)) {
					throw new IllegalArgumentException(name + " takes carrier=profile pairs for " + DemoCarrier.codes()
							+ ", was '" + pair.trim() + "'");
				}
				profiles.put(carrier, CarrierProfile.byCode(parts[1].trim())
					.orElseThrow(() -> new IllegalArgumentException(name + ": no profile '" + parts[1].trim()
							+ "'; known: " + Arrays.stream(CarrierProfile.values()).map(CarrierProfile::code).toList())));
			}
			return profiles;
		}

		private static Set<Service> services(String modules) {
			Set<Service> services = EnumSet.noneOf(Service.class);
			for (String module : modules.split(",")) {
				if (module.isBlank()) {
					continue;
				}
				services.add(Service.byModule(module.trim())
					.orElseThrow(() -> new IllegalArgumentException("Unknown service '" + module.trim()
							+ "'; known: " + EnumSet.allOf(Service.class).stream().map(Service::module).toList())));
			}
			return services;
		}

		/** {@code order-service=2,delivery-service=2}: how many instances of which services. */
		private static Map<Service, Integer> instances(String counts) {
			Map<Service, Integer> instances = new EnumMap<>(Service.class);
			for (String count : counts.split(",")) {
				if (count.isBlank()) {
					continue;
				}
				String[] parts = count.split("=", 2);
				if (parts.length != 2) {
					throw new IllegalArgumentException("--instances takes service=count pairs, e.g. "
							+ "order-service=2,delivery-service=2; got '" + count.trim() + "'");
				}
				Service service = Service.byModule(parts[0].trim())
					.orElseThrow(() -> new IllegalArgumentException("Unknown service '" + parts[0].trim() + "'"));
				try {
					instances.put(service, Integer.parseInt(parts[1].trim()));
				}
				catch (NumberFormatException ex) {
					throw new IllegalArgumentException("--instances: '" + parts[1].trim() + "' is not a count");
				}
			}
			return instances;
		}

		PlatformSettings applyTo(PlatformSettings settings) {
			PlatformSettings result = settings.withFresh(this.fresh).withInstances(this.instances);
			if (this.portOffset != null) {
				result = result.withPortOffset(this.portOffset);
			}
			if (this.services != null) {
				result = result.withServices(this.services);
			}
			if (this.simulatorSpeed != null) {
				result = result.withSimulator(result.simulator().withSpeed(this.simulatorSpeed));
			}
			if (!this.simulatorProfiles.isEmpty()) {
				result = result.withSimulator(result.simulator().withProfiles(this.simulatorProfiles));
			}
			if (this.noSimulator) {
				result = result.withSimulator(false);
			}
			return result;
		}
	}
}
