package org.leverans.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.leverans.platform.postgres.PostgresConnection;
import org.leverans.platform.services.Service;
import org.leverans.simulator.SimulatorSettings;

/**
 * What to start and where.
 *
 * @param projectRoot the repository root: service jars are {@code <projectRoot>/<module>/target/<module>-<version>.jar}
 * @param home where the platform keeps its data, logs and state file ({@code .leverans/} by default)
 * @param portOffset added to every port, so a second copy can run beside the developer's platform
 * @param fresh wipe {@code home} before starting
 * @param services the services to start (in {@link Service} order); empty starts the infrastructure only
 * @param externalPostgres use this server instead of starting an embedded PostgreSQL
 * @param externalKafka use these bootstrap servers instead of starting a broker
 * @param startupTimeout how long one component may take to become ready
 * @param serviceEnvironment extra environment for every service (wins over the platform's own settings)
 * @param simulator whether the demo's carriers post events for planned shipments once every service is up
 * @param instances how many instances of a service to run, where more than one ({@link #instancesOf})
 */
public record PlatformSettings(Path projectRoot, Path home, int portOffset, boolean fresh, Set<Service> services,
		Optional<PostgresConnection> externalPostgres, Optional<String> externalKafka, Duration startupTimeout,
		Map<String, String> serviceEnvironment, SimulatorSettings simulator, Map<Service, Integer> instances) {

	public static final String HOME_ENV = "LEVERANS_HOME";

	public static final String KAFKA_ENV = "KAFKA_BOOTSTRAP_SERVERS";

	public static final String PORT_OFFSET_ENV = "LEVERANS_PORT_OFFSET";

	public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofMinutes(5);

	public PlatformSettings {
		Objects.requireNonNull(projectRoot, "projectRoot");
		projectRoot = projectRoot.toAbsolutePath().normalize();
		home = (home != null) ? projectRoot.resolve(home).normalize() : projectRoot.resolve(".leverans");
		new Ports(portOffset);
		// An EnumSet iterates in start order.
		services = Collections.unmodifiableSet((services == null || services.isEmpty())
				? EnumSet.noneOf(Service.class) : EnumSet.copyOf(services));
		externalPostgres = (externalPostgres != null) ? externalPostgres : Optional.empty();
		externalKafka = (externalKafka != null) ? externalKafka.filter((servers) -> !servers.isBlank())
				: Optional.empty();
		startupTimeout = (startupTimeout != null) ? startupTimeout : DEFAULT_STARTUP_TIMEOUT;
		serviceEnvironment = (serviceEnvironment != null) ? Map.copyOf(serviceEnvironment) : Map.of();
		simulator = (simulator != null) ? simulator : SimulatorSettings.on();
		instances = (instances != null) ? Map.copyOf(instances) : Map.of();
		for (Map.Entry<Service, Integer> count : instances.entrySet()) {
			Service service = count.getKey();
			if (count.getValue() < 1 || count.getValue() > Ports.MAX_INSTANCES) {
				throw new IllegalArgumentException(service.module() + " can run as 1 to " + Ports.MAX_INSTANCES
						+ " instances, not " + count.getValue());
			}
			if (count.getValue() > 1 && !service.scalesOut()) {
				throw new IllegalArgumentException(service.module() + " runs as one instance here: "
						+ "every token names it by one address");
			}
		}
	}

	/** How many instances of the service run: one unless {@code --instances} said more. */
	public int instancesOf(Service service) {
		return this.instances.getOrDefault(service, 1);
	}

	/** Everything on the default ports, data under {@code <projectRoot>/.leverans}. */
	public static PlatformSettings defaults(Path projectRoot) {
		return new PlatformSettings(projectRoot, null, 0, false, EnumSet.allOf(Service.class), Optional.empty(),
				Optional.empty(), DEFAULT_STARTUP_TIMEOUT, Map.of(), SimulatorSettings.on(), Map.of());
	}

	/**
	 * The defaults, adjusted by {@code LEVERANS_HOME}, {@code LEVERANS_PORT_OFFSET}, {@code KAFKA_BOOTSTRAP_SERVERS}
	 * and {@code LEVERANS_POSTGRES_URL}/{@code _USER}/{@code _PASSWORD}.
	 */
	public static PlatformSettings fromEnvironment(Path projectRoot, Map<String, String> env) {
		PlatformSettings settings = defaults(projectRoot);
		String home = env.get(HOME_ENV);
		if (home != null && !home.isBlank()) {
			settings = settings.withHome(Path.of(home));
		}
		String offset = env.get(PORT_OFFSET_ENV);
		if (offset != null && !offset.isBlank()) {
			settings = settings.withPortOffset(parseOffset(offset.trim(), PORT_OFFSET_ENV));
		}
		String kafka = env.get(KAFKA_ENV);
		if (kafka != null && !kafka.isBlank()) {
			settings = settings.withExternalKafka(kafka.trim());
		}
		Optional<PostgresConnection> postgres = PostgresConnection.fromEnvironment(env);
		if (postgres.isPresent()) {
			settings = settings.withExternalPostgres(postgres.get());
		}
		return settings;
	}

	static int parseOffset(String value, String source) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(source + " must be a number, was '" + value + "'");
		}
	}

	public Ports ports() {
		return new Ports(this.portOffset);
	}

	public Path logs() {
		return this.home.resolve("logs");
	}

	public PlatformSettings withHome(Path home) {
		return new PlatformSettings(this.projectRoot, home, this.portOffset, this.fresh, this.services,
				this.externalPostgres, this.externalKafka, this.startupTimeout, this.serviceEnvironment, this.simulator, this.instances);
	}

	public PlatformSettings withPortOffset(int portOffset) {
		return new PlatformSettings(this.projectRoot, this.home, portOffset, this.fresh, this.services,
				this.externalPostgres, this.externalKafka, this.startupTimeout, this.serviceEnvironment, this.simulator, this.instances);
	}

	public PlatformSettings withFresh(boolean fresh) {
		return new PlatformSettings(this.projectRoot, this.home, this.portOffset, fresh, this.services,
				this.externalPostgres, this.externalKafka, this.startupTimeout, this.serviceEnvironment, this.simulator, this.instances);
	}

	public PlatformSettings withServices(Service... services) {
		return withServices(Set.copyOf(Arrays.asList(services)));
	}

	public PlatformSettings withServices(Set<Service> services) {
		return new PlatformSettings(this.projectRoot, this.home, this.portOffset, this.fresh, services,
				this.externalPostgres, this.externalKafka, this.startupTimeout, this.serviceEnvironment, this.simulator, this.instances);
	}

	/** Infrastructure and stand-ins only. */
	public PlatformSettings withoutServices() {
		return withServices(Set.of());
	}

	public PlatformSettings withExternalPostgres(PostgresConnection postgres) {
		return new PlatformSettings(this.projectRoot, this.home, this.portOffset, this.fresh, this.services,
				Optional.of(postgres), this.externalKafka, this.startupTimeout, this.serviceEnvironment, this.simulator, this.instances);
	}

	public PlatformSettings withExternalKafka(String bootstrapServers) {
		return new PlatformSettings(this.projectRoot, this.home, this.portOffset, this.fresh, this.services,
				this.externalPostgres, Optional.of(bootstrapServers), this.startupTimeout, this.serviceEnvironment,
				this.simulator, this.instances);
	}

	public PlatformSettings withStartupTimeout(Duration startupTimeout) {
		return new PlatformSettings(this.projectRoot, this.home, this.portOffset, this.fresh, this.services,
				this.externalPostgres, this.externalKafka, startupTimeout, this.serviceEnvironment, this.simulator, this.instances);
	}

	public PlatformSettings withSimulator(SimulatorSettings simulator) {
		return new PlatformSettings(this.projectRoot, this.home, this.portOffset, this.fresh, this.services,
				this.externalPostgres, this.externalKafka, this.startupTimeout, this.serviceEnvironment, simulator,
				this.instances);
	}

	/** Runs the partner simulator or not, at its current speed. */
	public PlatformSettings withSimulator(boolean enabled) {
		return withSimulator(this.simulator.withEnabled(enabled));
	}

	public PlatformSettings withInstances(Map<Service, Integer> instances) {
		return new PlatformSettings(this.projectRoot, this.home, this.portOffset, this.fresh, this.services,
				this.externalPostgres, this.externalKafka, this.startupTimeout, this.serviceEnvironment, this.simulator,
				instances);
	}

	public PlatformSettings withServiceEnvironment(Map<String, String> serviceEnvironment) {
		return new PlatformSettings(this.projectRoot, this.home, this.portOffset, this.fresh, this.services,
				this.externalPostgres, this.externalKafka, this.startupTimeout, serviceEnvironment, this.simulator,
				this.instances);
	}
}
