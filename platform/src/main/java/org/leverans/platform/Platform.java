package org.leverans.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.LoggerFactory;

import org.leverans.platform.control.PlatformControl;
import org.leverans.platform.control.StopOrder;
import org.leverans.platform.kafka.KafkaBroker;
import org.leverans.platform.kafka.KafkaReadiness;
import org.leverans.platform.postgres.EmbeddedPostgresServer;
import org.leverans.platform.postgres.PostgresConnection;
import org.leverans.platform.postgres.ServiceDatabases;
import org.leverans.platform.process.Component;
import org.leverans.platform.process.PortCheck;
import org.leverans.platform.process.Readiness;
import org.leverans.platform.process.StartupFailure;
import org.leverans.platform.services.Service;
import org.leverans.platform.services.ServiceEnvironment;
import org.leverans.platform.services.ServiceJar;
import org.leverans.platform.services.ServiceProcess;
import org.leverans.platform.standins.CreditBureauStandIn;
import org.leverans.platform.standins.MailStandIn;
import org.leverans.platform.standins.ToolJars;
import org.leverans.platform.state.PlatformState;
import org.leverans.platform.state.PlatformState.ComponentState;
import org.leverans.platform.state.ProcessRef;
import org.leverans.platform.state.StateFile;
import org.leverans.simulator.PartnerSimulator;

/**
 * The local Leverans platform: PostgreSQL, Kafka, the credit bureau and mail stand-ins, and every service as its own
 * JVM. {@code ./leverans up} runs it in the foreground; the end-to-end tests start a second copy on other ports:
 *
 * <pre>
 * try (Platform platform = Platform.start(PlatformSettings.defaults(root).withPortOffset(10000).withHome(tmp))) {
 *     String gateway = platform.gatewayUrl();
 * }
 * </pre>
 *
 * {@link #close()} stops everything in reverse start order and leaves no process and no port behind. A fault drill
 * can {@link #kill(String) kill} one component as a crash would and {@link #restart(String) restart} it.
 */
public final class Platform implements AutoCloseable {

	/*
	 * With a large port offset (e.g. 30000) the services' ports lie in the kernel's ephemeral range, from which every
	 * outgoing connection on the machine takes its source port; now and then one holds a service's port just when
	 * the service binds it. Such a connection is gone or elsewhere by the next try.
	 */
	private static final int PORT_TAKEN_RESTARTS = 3;

	/** Marks a directory as a platform home, the only kind {@code --fresh} wipes. */
	static final String HOME_MARKER = ".leverans-home";

	/** The partner simulator's name in progress lines and its log file. */
	public static final String SIMULATOR = "partner-simulator";

	private final PlatformSettings settings;

	private final ProgressListener progress;

	private final StateFile stateFile;

	private final AtomicBoolean closing = new AtomicBoolean();

	private final AtomicBoolean aborting = new AtomicBoolean();

	private final CountDownLatch closed = new CountDownLatch(1);

	private final Map<Service, String> skipped = Collections.synchronizedMap(new EnumMap<>(Service.class));

	/* guarded by this */
	private final List<Component> components = new ArrayList<>();

	/* guarded by this */
	private PlatformState state;

	/* guarded by this: how each component the platform started is started again, by name */
	private final Map<String, Runnable> starts = new LinkedHashMap<>();

	private volatile PostgresConnection postgres;

	private volatile String kafkaBootstrapServers;

	private volatile Duration startupTime = Duration.ZERO;

	private volatile PartnerSimulator simulator;

	/* guarded by this: instances started by addInstance, beyond the settings' count, and their names */
	private final Map<Service, Integer> added = new EnumMap<>(Service.class);

	/* guarded by this */
	private final Set<String> addedNames = new LinkedHashSet<>();

	private Platform(PlatformSettings settings, ProgressListener progress) {
		this.settings = settings;
		this.progress = progress;
		this.stateFile = new StateFile(settings.home());
	}

	/** Starts everything, printing progress to {@code System.out}. */
	public static Platform start(PlatformSettings settings) {
		return start(settings, ProgressListener.printingTo(System.out));
	}

	/** Starts everything; on failure stops what was started and throws. */
	public static Platform start(PlatformSettings settings, ProgressListener progress) {
		Platform platform = prepare(settings, progress);
		platform.run();
		return platform;
	}

	/**
	 * A platform not started yet, for a launcher that must be able to {@link #close()} it (Ctrl-C) while
	 * {@link #run()} is still starting things.
	 */
	public static Platform prepare(PlatformSettings settings, ProgressListener progress) {
		return new Platform(settings, progress);
	}

	/** Starts everything and returns once every started component is ready; on failure stops all and throws. */
	public void run() {
		long begin = System.nanoTime();
		// Before the parallel steps: SLF4J initialising under concurrent first use prints replay warnings.
		LoggerFactory.getILoggerFactory();
		try {
			prepareHome();
			checkPortsAreFree();
			startInfrastructure();
			startServices();
			watchForUnexpectedExits();
			startSimulator();
			this.startupTime = since(begin);
		}
		catch (RuntimeException ex) {
			if (ex instanceof StartupFailure failure && !this.closing.get()) {
				this.progress.failed(failure);
			}
			close();
			throw ex;
		}
	}

	private void prepareHome() {
		Path home = this.settings.home();
		Optional<PlatformState> existing = readExistingState();
		existing.map(PlatformState::launcher)
			.filter((launcher) -> launcher.pid() != ProcessHandle.current().pid())
			.flatMap(ProcessRef::live)
			.ifPresent((launcher) -> {
				throw new IllegalStateException("Leverans already runs from " + home + " (launcher pid "
						+ launcher.pid() + "); ./leverans down stops it");
			});
		PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
		for (String leftover : new PlatformControl(home, quiet).stopLeftovers(existing)) {
			this.progress.info("  ■ stopped " + leftover + ", left over from an earlier run");
		}
		try {
			if (this.settings.fresh() && Files.exists(home)) {
				if (!isPlatformHome(home)) {
					throw new IllegalStateException("Refusing to wipe " + home + " for --fresh: it is not empty and "
							+ "has no " + HOME_MARKER + " file, so it may not be a Leverans home");
				}
				deleteRecursively(home);
				this.progress.info("  ✔ wiped " + home + " (--fresh)");
			}
			Files.createDirectories(this.settings.logs());
			Path marker = home.resolve(HOME_MARKER);
			if (!Files.exists(marker)) {
				Files.writeString(marker, "Data of the local Leverans platform; ./leverans up --fresh wipes it.\n");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not prepare " + home, ex);
		}
		synchronized (this) {
			this.state = PlatformState.startedBy(ProcessHandle.current(), home, this.settings.portOffset());
			this.stateFile.write(this.state);
		}
	}

	private Optional<PlatformState> readExistingState() {
		try {
			return this.stateFile.read();
		}
		catch (RuntimeException ex) {
			// unreadable: treat as stale, the sweep of marked processes still finds leftovers
			return Optional.empty();
		}
	}

	static boolean isPlatformHome(Path directory) throws IOException {
		if (Files.exists(directory.resolve(HOME_MARKER))) {
			return true;
		}
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.findAny().isEmpty();
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	private void checkPortsAreFree() {
		Ports ports = this.settings.ports();
		Set<Integer> needed = new LinkedHashSet<>();
		if (this.settings.externalPostgres().isEmpty()) {
			needed.add(ports.postgres());
		}
		if (this.settings.externalKafka().isEmpty()) {
			needed.add(ports.kafka());
			needed.add(ports.kafkaController());
		}
		needed.addAll(List.of(ports.creditBureau(), ports.smtp(), ports.mailApi()));
		this.settings.services().forEach((service) -> needed.add(ports.service(service)));
		List<Integer> taken = PortCheck.taken(needed);
		if (!taken.isEmpty()) {
			throw new StartupFailure("platform",
					"port" + ((taken.size() > 1) ? "s " : " ") + taken.stream().map(String::valueOf)
						.collect(Collectors.joining(", ")) + " already in use, by another Leverans (./leverans status)"
							+ " or another program; a port offset (--port-offset 100) moves every port",
					null);
		}
	}

	private void startInfrastructure() {
		ToolJars tools = ToolJars.forProject(this.settings.projectRoot());
		Path wiremock = tools.wiremock();
		Path greenmail = tools.greenmail();
		runTogether(List.of(startable(EmbeddedPostgresServer.NAME, this::startPostgres),
				startable(KafkaBroker.NAME, this::startKafka),
				startable(CreditBureauStandIn.NAME, () -> startCreditBureau(wiremock)),
				startable(MailStandIn.NAME, () -> startMail(greenmail))));
	}

	/** Remembers how a component is started, so that {@link #restart(String)} can start it again. */
	private Runnable startable(String name, Runnable start) {
		synchronized (this) {
			this.starts.put(name, start);
		}
		return start;
	}

	private void startPostgres() {
		long begin = System.nanoTime();
		if (this.settings.externalPostgres().isPresent()) {
			PostgresConnection external = this.settings.externalPostgres().get();
			register(new ExternalComponent(EmbeddedPostgresServer.NAME, external.serverUrl()));
			List<String> created = createDatabases(external);
			this.postgres = external;
			this.progress.ready(EmbeddedPostgresServer.NAME,
					"PostgreSQL at " + external.serverUrl() + " (given by " + PostgresConnection.URL_ENV + ")"
							+ createdNote(created),
					since(begin));
			return;
		}
		int port = this.settings.ports().postgres();
		EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.settings.home().resolve("postgres"), port,
				logFile(EmbeddedPostgresServer.NAME));
		register(server);
		List<String> created = createDatabases(server.connection());
		this.postgres = server.connection();
		this.progress.ready(EmbeddedPostgresServer.NAME,
				"PostgreSQL " + server.version() + " on :" + port + createdNote(created), since(begin));
	}

	private static List<String> createDatabases(PostgresConnection server) {
		try {
			return ServiceDatabases.ensureExist(server, Service.databases());
		}
		catch (SQLException ex) {
			throw new StartupFailure(EmbeddedPostgresServer.NAME,
					"could not create the service databases on " + server.serverUrl() + ": " + ex.getMessage(), ex);
		}
	}

	private static String createdNote(List<String> created) {
		return created.isEmpty() ? "" : ", created databases " + String.join(", ", created);
	}

	private void startKafka() {
		long begin = System.nanoTime();
		Duration timeout = this.settings.startupTimeout();
		if (this.settings.externalKafka().isPresent()) {
			String servers = this.settings.externalKafka().get();
			register(new ExternalComponent(KafkaBroker.NAME, servers));
			try (KafkaReadiness readiness = new KafkaReadiness(servers)) {
				Readiness.await(KafkaBroker.NAME, null, timeout, this::abandoned, readiness::clusterAnswers);
			}
			this.kafkaBootstrapServers = servers;
			this.progress.ready(KafkaBroker.NAME,
					"Kafka at " + servers + " (given by " + PlatformSettings.KAFKA_ENV + ")", since(begin));
			return;
		}
		Ports ports = this.settings.ports();
		KafkaBroker broker = KafkaBroker.start(this.settings.home(), this.settings.home().resolve("kafka"),
				ports.kafka(), ports.kafkaController(), logFile(KafkaBroker.NAME));
		register(broker);
		try (KafkaReadiness readiness = new KafkaReadiness(broker.bootstrapServers())) {
			Readiness.await(KafkaBroker.NAME, broker.childProcess(), timeout, this::abandoned,
					readiness::clusterAnswers);
		}
		this.kafkaBootstrapServers = broker.bootstrapServers();
		this.progress.ready(KafkaBroker.NAME, "Kafka " + KafkaReadiness.version() + " (KRaft) on :" + ports.kafka(),
				since(begin));
	}

	private void startCreditBureau(Path wiremockJar) {
		long begin = System.nanoTime();
		int port = this.settings.ports().creditBureau();
		CreditBureauStandIn bureau = CreditBureauStandIn.start(this.settings.home(),
				wiremockJar, this.settings.home().resolve("bureau"), port, logFile(CreditBureauStandIn.NAME));
		register(bureau);
		Readiness.await(CreditBureauStandIn.NAME, bureau.childProcess(), this.settings.startupTimeout(),
				this::abandoned, bureau::answers);
		this.progress.ready(CreditBureauStandIn.NAME, "Credit bureau stand-in (WireMock) on :" + port, since(begin));
	}

	private void startMail(Path greenmailJar) {
		long begin = System.nanoTime();
		Ports ports = this.settings.ports();
		MailStandIn mail = MailStandIn.start(this.settings.home(), greenmailJar, this.settings.home().resolve("mail"),
				ports.smtp(), ports.mailApi(), logFile(MailStandIn.NAME));
		register(mail);
		Readiness.await(MailStandIn.NAME, mail.childProcess(), this.settings.startupTimeout(), this::abandoned,
				mail::answers);
		this.progress.ready(MailStandIn.NAME,
				"Mail stand-in (GreenMail) SMTP on :" + ports.smtp() + ", web on :" + ports.mailApi(), since(begin));
	}

	private void startServices() {
		if (this.settings.services().isEmpty()) {
			return;
		}
		ServiceEnvironment environment = serviceEnvironment();
		List<Runnable> healthChecks = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (Service service : this.settings.services()) {
			ServiceJar jar = ServiceJar.of(this.settings.projectRoot(), service);
			String problem = jar.problem();
			if (problem != null) {
				this.skipped.put(service, problem);
				this.progress.skipped(service.module(), problem);
				continue;
			}
			for (int instance = 0; instance < this.settings.instancesOf(service); instance++) {
				int number = instance;
				healthChecks.add(startInstance(service, number, jar, environment));
				startable(instanceName(service, number), () -> startInstance(service, number, jar, environment).run());
				names.add(instanceName(service, number));
			}
		}
		if (!names.isEmpty()) {
			this.progress.starting("services", "starting " + String.join(", ", names) + " (logs in "
					+ this.settings.logs() + ")");
			runTogether(healthChecks);
		}
	}

	/** Starts one instance of a service and returns the wait for it to be healthy. */
	private Runnable startInstance(Service service, int instance, ServiceJar jar, ServiceEnvironment environment) {
		String name = instanceName(service, instance);
		int port = this.settings.ports().service(service, instance);
		Supplier<ServiceProcess> start = () -> ServiceProcess.start(this.settings.home(),
				jar.stagedIn(servicesDirectory(service)), name, environment.forService(service, instance),
				environment.serviceUrl(service, instance), logFile(name));
		long begin = System.nanoTime();
		ServiceProcess process = start.get();
		register(process);
		return () -> {
			ServiceProcess running = process;
			for (int restarts = 0;; restarts++) {
				try {
					Readiness.await(name, running.childProcess(), this.settings.startupTimeout(), this::abandoned,
							running::healthy);
					break;
				}
				catch (StartupFailure failure) {
					if (restarts >= PORT_TAKEN_RESTARTS || !portTaken(failure)) {
						throw failure;
					}
					this.progress.info("  ⚠ " + name + ": port " + port
							+ " was taken by another connection's source port; starting it again");
					running = replace(running, start);
				}
			}
			this.progress.ready(name, name + " on :" + port, since(begin));
		};
	}

	/**
	 * Starts one more instance of a service that {@link Service#scalesOut() scales out}, on the next instance port
	 * ({@code gateway-2} on 8180 beside the gateway on 8080), and returns its name once it is healthy. The gateway
	 * does not route to service instances added this way; a second gateway is what tests add. It stops with the
	 * platform, may be {@link #kill(String) killed} and {@link #restart(String) restarted}, and
	 * {@link #removeInstance(String) removed}.
	 */
	public String addInstance(Service service) {
		if (!service.scalesOut()) {
			throw new IllegalArgumentException(service.module() + " runs as one instance");
		}
		ServiceJar jar = ServiceJar.of(this.settings.projectRoot(), service);
		if (jar.problem() != null) {
			throw new IllegalStateException(service.module() + " cannot start: " + jar.problem());
		}
		int instance;
		synchronized (this) {
			if (this.closing.get()) {
				throw new IllegalStateException("The platform is closing; no instance is added");
			}
			instance = this.settings.instancesOf(service) + this.added.getOrDefault(service, 0);
			this.added.merge(service, 1, Integer::sum);
			this.addedNames.add(instanceName(service, instance));
		}
		ServiceEnvironment environment = serviceEnvironment();
		String name = instanceName(service, instance);
		startable(name, () -> startInstance(service, instance, jar, environment).run());
		startInstance(service, instance, jar, environment).run();
		components().stream()
			.filter((component) -> component.name().equals(name))
			.findFirst()
			.ifPresent(this::watchForUnexpectedExit);
		return name;
	}

	/**
	 * Stops an instance {@link #addInstance(Service) added} while the platform ran, as {@link #close()} would, and
	 * forgets it: it is not {@link #down()} afterwards.
	 */
	public void removeInstance(String name) {
		Component component;
		synchronized (this) {
			if (!this.addedNames.remove(name)) {
				throw new IllegalArgumentException(name + " was not added by addInstance");
			}
			component = this.components.stream().filter((candidate) -> candidate.name().equals(name)).findFirst()
				.orElse(null);
			this.components.remove(component);
			this.starts.remove(name);
		}
		if (component != null) {
			component.stop();
		}
		synchronized (this) {
			this.state = this.state.without(name);
			this.stateFile.write(this.state);
		}
	}

	/** {@code order-service} for the first instance, {@code order-service-2} for the second, and so on. */
	static String instanceName(Service service, int instance) {
		return (instance == 0) ? service.module() : service.module() + "-" + (instance + 1);
	}

	/**
	 * The demo's carriers, once everything they talk to is healthy: they need the auth-server for tokens, the gateway
	 * and delivery-service behind it.
	 */
	private void startSimulator() {
		if (!this.settings.simulator().enabled()
				|| !runningServices().containsAll(List.of(Service.AUTH_SERVER, Service.GATEWAY, Service.DELIVERY))) {
			return;
		}
		synchronized (this) {
			if (this.closing.get()) {
				return;
			}
			this.simulator = PartnerSimulator.start(URI.create(gatewayUrl()), URI.create(tokenEndpoint()),
					this.settings.simulator(), logFile(SIMULATOR));
		}
		String carriers = this.settings.simulator()
			.carriers()
			.stream()
			.map(carrier -> carrier.carrier() + " (" + carrier.profile().description() + ")")
			.collect(Collectors.joining(" and "));
		this.progress.info("  ✔ " + SIMULATOR + ": " + carriers + " move planned shipments, one demo hour per "
				+ secondsPerDemoHour() + " s (--no-simulator turns it off)");
	}

	private String secondsPerDemoHour() {
		double seconds = 3600 / this.settings.simulator().speed();
		return (seconds == Math.rint(seconds)) ? String.valueOf((long) seconds) : String.format("%.1f", seconds);
	}

	private static boolean portTaken(StartupFailure failure) {
		return failure.logTail().stream().anyMatch((line) -> line.contains("was already in use"));
	}

	/** Replaces a service process that exited while starting with a new one. */
	private ServiceProcess replace(ServiceProcess exited, Supplier<ServiceProcess> start) {
		synchronized (this) {
			this.components.remove(exited);
		}
		ServiceProcess process = start.get();
		register(process);
		return process;
	}

	private Path servicesDirectory(Service service) {
		return this.settings.home().resolve("services").resolve(service.module());
	}

	/** The environment every service JVM gets; also what an extra service instance started by tests needs. */
	public ServiceEnvironment serviceEnvironment() {
		return new ServiceEnvironment(this.settings.ports(), this.postgres, this.kafkaBootstrapServers,
				this.settings.serviceEnvironment(), this.settings.instances());
	}

	/** Runs the steps in parallel; the first failure makes the others give up, and is thrown once all ended. */
	private void runTogether(List<Runnable> steps) {
		RuntimeException firstFailure = null;
		// Platform threads, not virtual ones: the steps block inside class initialisers (zonky's LinuxUtils starting a
		// process, the JDK's logger loading), which pin a virtual thread to its carrier; on a 2-core machine two such
		// steps pinned both carriers while a third held the lock they waited for, and the start hung for good.
		try (ExecutorService executor = Executors
			.newThreadPerTaskExecutor(Thread.ofPlatform().name("platform-start-", 1).factory())) {
			List<Future<?>> futures = steps.stream().map(executor::submit).collect(Collectors.toList());
			for (Future<?> future : futures) {
				try {
					future.get();
				}
				catch (ExecutionException ex) {
					RuntimeException failure = (ex.getCause() instanceof RuntimeException runtime) ? runtime
							: new IllegalStateException(ex.getCause());
					if (firstFailure == null || firstFailure instanceof Readiness.Abandoned) {
						firstFailure = failure;
					}
					this.aborting.set(true);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					this.aborting.set(true);
					firstFailure = new Readiness.Abandoned("platform");
				}
			}
		}
		if (firstFailure != null) {
			throw firstFailure;
		}
	}

	private boolean abandoned() {
		return this.closing.get() || this.aborting.get();
	}

	private void register(Component component) {
		synchronized (this) {
			if (!this.closing.get()) {
				this.components.add(component);
				this.state = this.state.with(new ComponentState(component.name(),
						component.process().map(ProcessRef::of), component.address(), component.healthUrl()));
				this.stateFile.write(this.state);
				return;
			}
		}
		component.stop();
		throw new Readiness.Abandoned(component.name());
	}

	private void watchForUnexpectedExits() {
		components().forEach(this::watchForUnexpectedExit);
	}

	/** A component that was killed on purpose has left {@link #components} by the time it exits. */
	private void watchForUnexpectedExit(Component component) {
		component.child().ifPresent((child) -> child.onExit().thenAccept((process) -> {
			if (!this.closing.get() && components().contains(component)) {
				this.progress.exitedUnexpectedly(component.name(), process.exitValue(), child.logFile());
			}
		}));
	}

	/**
	 * Kills one component with {@code SIGKILL}, as a crash would ({@link Component#kill()}): a service instance
	 * ({@code order-service}, {@code order-service-2}, {@code gateway} …), {@code kafka}, {@code postgres} (the
	 * postmaster and every backend), {@code mail} or {@code credit-bureau}. It stays down until
	 * {@link #restart(String)}; its exit is not reported as unexpected.
	 * @throws IllegalArgumentException if no component of that name runs
	 * @throws IllegalStateException for Kafka or PostgreSQL given by the environment, which run elsewhere
	 */
	public void kill(String name) {
		Component component;
		synchronized (this) {
			component = this.components.stream()
				.filter((candidate) -> candidate.name().equals(name))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("No component " + name + " runs; running: "
						+ this.components.stream().map(Component::name).toList()));
			if (component instanceof ExternalComponent) {
				throw new IllegalStateException(name + " runs elsewhere (" + component.address()
						+ "); the platform cannot kill it");
			}
			this.components.remove(component);
		}
		try {
			component.kill();
		}
		catch (RuntimeException ex) {
			synchronized (this) {
				// still ours to stop on close()
				this.components.add(component);
			}
			throw ex;
		}
		synchronized (this) {
			this.state = this.state.without(name);
			this.stateFile.write(this.state);
		}
	}

	/**
	 * Starts a component that was {@link #kill(String) killed} again, the way it was first started (same ports, data
	 * directory and settings), and returns once it is ready. PostgreSQL and Kafka recover from their logs.
	 * @throws IllegalStateException if it still runs, or the platform is closing
	 * @throws StartupFailure if it does not become ready
	 */
	public void restart(String name) {
		Runnable start;
		synchronized (this) {
			if (this.closing.get()) {
				throw new IllegalStateException("The platform is closing; " + name + " is not started again");
			}
			if (this.components.stream().anyMatch((component) -> component.name().equals(name))) {
				throw new IllegalStateException(name + " still runs; kill it first");
			}
			start = this.starts.get(name);
			if (start == null) {
				throw new IllegalArgumentException("No component " + name + " was started; known: "
						+ this.starts.keySet());
			}
		}
		start.run();
		components().stream()
			.filter((component) -> component.name().equals(name))
			.findFirst()
			.ifPresent(this::watchForUnexpectedExit);
	}

	/**
	 * Stops everything in reverse start order: each child JVM gets SIGTERM, then is killed with its descendants
	 * after a grace period; PostgreSQL is shut down cleanly. Safe to call more than once and from any thread.
	 */
	@Override
	public void close() {
		if (!this.closing.compareAndSet(false, true)) {
			awaitClosed();
			return;
		}
		try {
			PartnerSimulator running = this.simulator;
			if (running != null) {
				// first, so no carrier posts into services that are going away
				running.close();
			}
			List<Component> toStop;
			synchronized (this) {
				toStop = new ArrayList<>(this.components);
			}
			toStop.sort(Comparator.comparing(Component::name, StopOrder.byName()));
			for (Component component : toStop) {
				if (component instanceof ExternalComponent) {
					continue;
				}
				long begin = System.nanoTime();
				this.progress.stopping(component.name());
				try {
					component.stop();
				}
				catch (RuntimeException ex) {
					this.progress.info("  ⚠ stopping " + component.name() + ": " + ex.getMessage());
				}
				this.progress.stopped(component.name(), since(begin));
				synchronized (this) {
					this.state = this.state.without(component.name());
					this.stateFile.write(this.state);
				}
			}
			synchronized (this) {
				if (this.state != null) {
					this.stateFile.delete();
				}
			}
		}
		finally {
			this.closed.countDown();
		}
	}

	private void awaitClosed() {
		try {
			this.closed.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static Duration since(long nanoTime) {
		return Duration.ofNanos(System.nanoTime() - nanoTime);
	}

	public PlatformSettings settings() {
		return this.settings;
	}

	public Ports ports() {
		return this.settings.ports();
	}

	public Path home() {
		return this.settings.home();
	}

	public Path logFile(String component) {
		return this.settings.logs().resolve(component + ".log");
	}

	public String serviceUrl(Service service) {
		return "http://localhost:" + ports().service(service);
	}

	/** The URL of one instance of a service, counted from 0. */
	public String serviceUrl(Service service, int instance) {
		return "http://localhost:" + ports().service(service, instance);
	}

	public String gatewayUrl() {
		return serviceUrl(Service.GATEWAY);
	}

	public String authServerUrl() {
		return serviceUrl(Service.AUTH_SERVER);
	}

	public String tokenEndpoint() {
		return authServerUrl() + "/oauth2/token";
	}

	public String creditBureauUrl() {
		return "http://localhost:" + ports().creditBureau();
	}

	public String mailUrl() {
		return "http://localhost:" + ports().mailApi();
	}

	public int smtpPort() {
		return ports().smtp();
	}

	public String kafkaBootstrapServers() {
		return this.kafkaBootstrapServers;
	}

	public PostgresConnection postgres() {
		return this.postgres;
	}

	/** The JDBC URL of a service's database. */
	public String jdbcUrl(Service service) {
		return this.postgres.jdbcUrl(service.database()
			.orElseThrow(() -> new IllegalArgumentException(service.module() + " has no database")));
	}

	/** The services that were started (and are healthy, once {@link #run()} returned). */
	public Set<Service> runningServices() {
		Set<Service> running = new LinkedHashSet<>();
		for (Component component : components()) {
			if (component instanceof ServiceProcess service) {
				running.add(service.service());
			}
		}
		return running;
	}

	/** Services not started, with the reason (e.g. not built yet). */
	public Map<Service, String> skippedServices() {
		Map<Service, String> copy = new EnumMap<>(Service.class);
		synchronized (this.skipped) {
			copy.putAll(this.skipped);
		}
		return Collections.unmodifiableMap(copy);
	}

	/** What was started, in start order. */
	public synchronized List<Component> components() {
		return List.copyOf(this.components);
	}

	/**
	 * The components that were started and are not running now: {@link #kill(String) killed} and not
	 * {@link #restart(String) restarted}, or killed while their restart failed. Whoever breaks a platform others go
	 * on using starts these again.
	 */
	public synchronized Set<String> down() {
		Set<String> down = new LinkedHashSet<>(this.starts.keySet());
		this.components.forEach((component) -> down.remove(component.name()));
		return down;
	}

	/** Every OS process the platform started (child JVMs and the PostgreSQL postmaster). */
	public List<ProcessHandle> processes() {
		return components().stream().flatMap((component) -> component.process().stream()).toList();
	}

	public Duration startupTime() {
		return this.startupTime;
	}
}
