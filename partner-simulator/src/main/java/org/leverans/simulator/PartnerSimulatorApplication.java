package org.leverans.simulator;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The partner simulator on its own, as its image runs it (docker-compose.yml): the demo carriers against the
 * platform at the addresses in the environment, logging to standard output, until the process is stopped.
 * {@code ./leverans up} does not use this; it starts the simulator inside its own JVM.
 *
 * <ul>
 * <li>{@code LEVERANS_SIMULATOR_GATEWAY_URL}, default {@code http://localhost:8080}</li>
 * <li>{@code LEVERANS_SIMULATOR_TOKEN_URL}, default {@code http://localhost:9000/oauth2/token}</li>
 * <li>{@code LEVERANS_SIMULATOR_SPEED}: demo seconds per real second, default 60</li>
 * <li>{@code LEVERANS_SIMULATOR_PROFILES}: carriers playing another profile, {@code carrier=profile,…}</li>
 * </ul>
 */
public final class PartnerSimulatorApplication {

	private PartnerSimulatorApplication() {
	}

	public static void main(String[] args) throws InterruptedException {
		Map<String, String> environment = System.getenv();
		SimulatorSettings settings = settings(environment);
		URI gateway = URI.create(environment.getOrDefault("LEVERANS_SIMULATOR_GATEWAY_URL", "http://localhost:8080"));
		URI tokens = URI.create(environment.getOrDefault("LEVERANS_SIMULATOR_TOKEN_URL",
				"http://localhost:9000/oauth2/token"));
		PrintStream log = new PrintStream(System.out, true, StandardCharsets.UTF_8);
		PartnerSimulator simulator = PartnerSimulator.start(gateway, tokens, settings, log);
		log.println("Partner simulator: " + settings.carriers().stream().map(DemoCarrier::carrier).toList()
				+ " against " + gateway + ", " + settings.speed() + " demo seconds per second");
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
			simulator.close();
			stopped.countDown();
		}));
		// the simulator's thread is a daemon, so the JVM lives as long as this waits
		stopped.await();
	}

	/** The settings the environment asks for; a wrong value stops the start with a message naming it. */
	static SimulatorSettings settings(Map<String, String> environment) {
		SimulatorSettings settings = SimulatorSettings.on();
		String speed = environment.get("LEVERANS_SIMULATOR_SPEED");
		if (speed != null && !speed.isBlank()) {
			try {
				settings = settings.withSpeed(Double.parseDouble(speed.trim()));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("LEVERANS_SIMULATOR_SPEED must be a number, was '" + speed + "'");
			}
		}
		String profiles = environment.get("LEVERANS_SIMULATOR_PROFILES");
		if (profiles != null && !profiles.isBlank()) {
			settings = settings.withProfiles(profiles(profiles));
		}
		return settings;
	}

	private static Map<String, CarrierProfile> profiles(String value) {
		Map<String, CarrierProfile> profiles = new LinkedHashMap<>();
		for (String pair : value.split(",")) {
			if (pair.isBlank()) {
				continue;
			}
			String[] parts = pair.split("=", 2);
			if (parts.length < 2) {
				throw new IllegalArgumentException("LEVERANS_SIMULATOR_PROFILES takes carrier=profile pairs, was '"
						+ pair.trim() + "'");
			}
			profiles.put(parts[0].trim(), CarrierProfile.byCode(parts[1].trim())
				.orElseThrow(() -> new IllegalArgumentException("LEVERANS_SIMULATOR_PROFILES: no profile '"
						+ parts[1].trim() + "'; known: "
						+ Arrays.stream(CarrierProfile.values()).map(CarrierProfile::code).toList())));
		}
		return profiles;
	}
}
