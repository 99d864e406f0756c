package org.leverans.drill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.leverans.platform.PlatformSettings;
import org.leverans.platform.kafka.KafkaBroker;
import org.leverans.platform.postgres.EmbeddedPostgresServer;
import org.leverans.platform.services.Service;
import org.leverans.platform.standins.CreditBureauStandIn;
import org.leverans.platform.standins.MailStandIn;

/** Which faults a drill goes through, in order. */
public final class Faults {

	private Faults() {
	}

	/**
	 * The baseline, then every service instance the platform runs (each service, and each further instance of one
	 * that runs as several), the broker, the two stand-ins and, last, PostgreSQL.
	 */
	public static List<Fault> standard(PlatformSettings settings, Duration postgresOutage, Duration standInOutage) {
		List<Fault> faults = new ArrayList<>();
		faults.add(Fault.none());
		for (Service service : settings.services()) {
			for (int instance = 0; instance < settings.instancesOf(service); instance++) {
				faults.add(Fault.crash((instance == 0) ? service.module() : service.module() + "-" + (instance + 1)));
			}
		}
		faults.add(Fault.crash(KafkaBroker.NAME));
		faults.add(Fault.outage(MailStandIn.NAME, standInOutage));
		faults.add(Fault.outage(CreditBureauStandIn.NAME, standInOutage));
		faults.add(Fault.outage(EmbeddedPostgresServer.NAME, postgresOutage));
		return faults;
	}

	/** The standard faults named in {@code names} ({@code none} for the baseline), in the order named. */
	public static List<Fault> only(List<Fault> standard, List<String> names) {
		if (names.isEmpty()) {
			return standard;
		}
		Map<String, Fault> byName = new LinkedHashMap<>();
		for (Fault fault : standard) {
			byName.put(fault.component().orElse("none"), fault);
		}
		List<Fault> chosen = new ArrayList<>();
		for (String name : names) {
			Fault fault = byName.get(name);
			if (fault == null) {
				throw new IllegalArgumentException("No fault " + name + "; the drill knows " + byName.keySet());
			}
			chosen.add(fault);
		}
		return chosen;
	}
}
