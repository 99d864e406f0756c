package org.leverans.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

/**
 * The demo's logistics partners: every few seconds each carrier reads its manifest of PLANNED shipments, starts a
 * journey for each new one, and posts the events that have come due, through the public partner API with its own
 * client credentials, just as a partner's integration would. The journeys themselves are planned by
 * {@link JourneyPlanner}; this class is only the loop around the HTTP calls.
 */
public final class PartnerSimulator implements AutoCloseable {

	private static final String SECRET = "demo-secret";

	private final PartnerApi api;

	private final List<DemoCarrier> carriers;

	private final SimulatorSettings settings;

	private final Clock clock;

	private final PrintStream log;

	/** Journeys under way, per carrier and shipment. */
	private final Map<String, Map<UUID, Journey>> journeys = new ConcurrentHashMap<>();

	/** Journeys started per carrier since the simulator started: a drifting carrier drifts by them. */
	private final Map<String, AtomicInteger> started = new ConcurrentHashMap<>();

	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
			Thread.ofPlatform().name("partner-simulator").daemon().factory());

	private PartnerSimulator(PartnerApi api, List<DemoCarrier> carriers, SimulatorSettings settings, Clock clock,
			PrintStream log) {
		this.api = api;
		this.carriers = carriers;
		this.settings = settings;
		this.clock = clock;
		this.log = log;
	}

	/** Starts the demo carriers against a running platform; progress goes to {@code logFile}. */
	public static PartnerSimulator start(URI gateway, URI tokenEndpoint, SimulatorSettings settings, Path logFile) {
		try {
			Files.createDirectories(logFile.getParent());
			return start(gateway, tokenEndpoint, settings, new PrintStream(Files.newOutputStream(logFile,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND), true, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Starts the demo carriers against a running platform; progress goes to {@code log}. */
	public static PartnerSimulator start(URI gateway, URI tokenEndpoint, SimulatorSettings settings, PrintStream log) {
		PartnerSimulator simulator = new PartnerSimulator(new PartnerApi(gateway, tokenEndpoint, SECRET),
				settings.carriers(), settings, Clock.systemUTC(), log);
		long interval = settings.pollInterval().toMillis();
		simulator.executor.scheduleWithFixedDelay(simulator::tick, 0, interval, TimeUnit.MILLISECONDS);
		return simulator;
	}

	private void tick() {
		for (DemoCarrier carrier : this.carriers) {
			try {
				pickUpNewShipments(carrier);
				reportDueEvents(carrier);
			}
			catch (IOException | RuntimeException ex) {
				// the platform may be starting or stopping a service; the next tick tries again
				this.log.println(Instant.now() + " " + carrier.carrier() + ": " + ex.getMessage());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void pickUpNewShipments(DemoCarrier carrier) throws IOException, InterruptedException {
		Map<UUID, Journey> underWay = journeysOf(carrier);
		for (ManifestShipment shipment : this.api.manifest(carrier.carrier(), "PLANNED")) {
			underWay.computeIfAbsent(shipment.id(), id -> {
				this.log.println(Instant.now() + " " + carrier.carrier() + ": on its way " + shipment.trackingNumber());
				int delivery = this.started.computeIfAbsent(carrier.carrier(), code -> new AtomicInteger())
					.getAndIncrement();
				return new Journey(shipment, JourneyPlanner.plan(shipment, carrier, delivery),
						new CompressedClock(this.clock.instant(), this.settings.speed()));
			});
		}
	}

	private void reportDueEvents(DemoCarrier carrier) throws IOException, InterruptedException {
		Map<UUID, Journey> underWay = journeysOf(carrier);
		for (Journey journey : List.copyOf(underWay.values())) {
			List<Map<String, Object>> due = journey.due(this.clock.instant());
			if (due.isEmpty()) {
				continue;
			}
			JsonNode outcome = this.api.post(carrier.carrier(), due);
			journey.reported(due.size());
			for (JsonNode rejection : outcome.path("rejected")) {
				this.log.println(Instant.now() + " " + carrier.carrier() + ": " + journey.shipment().trackingNumber()
						+ " refused " + rejection);
				if ("UNKNOWN_SHIPMENT".equals(rejection.path("code").asString())) {
					underWay.remove(journey.shipment().id());
				}
			}
			if (journey.finished()) {
				underWay.remove(journey.shipment().id());
				this.log.println(Instant.now() + " " + carrier.carrier() + ": delivered "
						+ journey.shipment().trackingNumber());
			}
		}
	}

	private Map<UUID, Journey> journeysOf(DemoCarrier carrier) {
		return this.journeys.computeIfAbsent(carrier.carrier(), code -> new ConcurrentHashMap<>());
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.log.close();
	}
}
