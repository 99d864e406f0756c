package org.leverans.platform;

import java.util.ArrayList;
import java.util.List;

import org.leverans.platform.services.Service;

/**
 * Every port of the local platform, moved by one offset so a second copy (the end-to-end tests) can run beside a
 * developer's platform.
 */
public record Ports(int offset) {

	public static final int POSTGRES = 15432;

	public static final int KAFKA = 9092;

	public static final int KAFKA_CONTROLLER = 9093;

	public static final int CREDIT_BUREAU = 8089;

	public static final int SMTP = 3025;

	public static final int MAIL_API = 8090;

	/** A service's further instances listen 100 ports above each other: order-service on 8081, 8181, 8281 … */
	public static final int MAX_INSTANCES = 9;

	private static final int INSTANCE_STEP = 100;

	public Ports {
		if (offset < 0) {
			throw new IllegalArgumentException("Port offset must not be negative, was " + offset);
		}
		int highest = defaults().stream().mapToInt(Integer::intValue).max().orElseThrow();
		if (highest + offset > 65535) {
			throw new IllegalArgumentException(
					"Port offset " + offset + " moves port " + highest + " beyond 65535; use a smaller offset");
		}
		if (offset != 0) {
			for (int port : defaults()) {
				if (defaults().contains(port + offset)) {
					throw new IllegalArgumentException("Port offset " + offset + " moves port " + port + " onto "
							+ (port + offset) + ", which a platform without offset uses; use e.g. 100 or 10000");
				}
			}
		}
	}

	public int postgres() {
		return POSTGRES + this.offset;
	}

	public int kafka() {
		return KAFKA + this.offset;
	}

	public int kafkaController() {
		return KAFKA_CONTROLLER + this.offset;
	}

	public int creditBureau() {
		return CREDIT_BUREAU + this.offset;
	}

	public int smtp() {
		return SMTP + this.offset;
	}

	public int mailApi() {
		return MAIL_API + this.offset;
	}

	public int service(Service service) {
		return service.defaultPort() + this.offset;
	}

	/** The port of a service's instance, counted from 0 (the service's own port). */
	public int service(Service service, int instance) {
		if (instance < 0 || instance >= MAX_INSTANCES) {
			throw new IllegalArgumentException("Instance " + instance + " of " + service.module() + " has no port");
		}
		return service(service) + instance * INSTANCE_STEP;
	}

	/** The ports of a platform without offset. */
	public static List<Integer> defaults() {
		List<Integer> ports = new ArrayList<>(List.of(POSTGRES, KAFKA, KAFKA_CONTROLLER, CREDIT_BUREAU, SMTP, MAIL_API));
		for (Service service : Service.values()) {
			ports.add(service.defaultPort());
		}
		return ports;
	}
}
