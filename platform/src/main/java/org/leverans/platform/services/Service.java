package org.leverans.platform.services;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Leverans services the platform runs, in start order. Each is a Spring Boot module whose repackaged jar is
 * {@code <module>/target/<module>-<version>.jar}.
 */
public enum Service {

	AUTH_SERVER("auth-server", 9000, "auth", "AUTH"),
	AGREEMENT("agreement-service", 8082, "agreement", "AGREEMENT"),
	CREDIT("credit-service", 8083, "credit", "CREDIT"),
	ORDER("order-service", 8081, "orders", "ORDER"),
	DELIVERY("delivery-service", 8084, "delivery", "DELIVERY"),
	NOTIFICATION("notification-service", 8085, "notification", "NOTIFICATION"),
	BILLING("billing-service", 8086, "billing", "BILLING"),
	GATEWAY("gateway", 8080, "gateway", null);

	private final String module;

	private final int defaultPort;

	private final String database;

	private final String gatewayRouteKey;

	Service(String module, int defaultPort, String database, String gatewayRouteKey) {
		this.module = module;
		this.defaultPort = defaultPort;
		this.database = database;
		this.gatewayRouteKey = gatewayRouteKey;
	}

	public String module() {
		return this.module;
	}

	public int defaultPort() {
		return this.defaultPort;
	}

	/** The service's own database (the gateway's holds browser sessions). */
	public Optional<String> database() {
		return Optional.ofNullable(this.database);
	}

	/**
	 * The key the gateway knows this service by: {@code leverans.services.<key>-uri}, i.e. env
	 * {@code LEVERANS_SERVICES_<KEY>_URI}. Empty for the gateway itself.
	 */
	public Optional<String> gatewayRouteKey() {
		return Optional.ofNullable(this.gatewayRouteKey);
	}

	/**
	 * Whether the service may run as several instances: those behind the gateway may, and the gateway itself (its
	 * browser sessions are in its database); the auth-server, which tokens name as their issuer, runs as one here.
	 */
	public boolean scalesOut() {
		return this != AUTH_SERVER;
	}

	public static Optional<Service> byModule(String module) {
		return Arrays.stream(values()).filter((service) -> service.module.equals(module)).findFirst();
	}

	/** Every service database, one per service that owns data. */
	public static List<String> databases() {
		return Arrays.stream(values()).flatMap((service) -> service.database().stream()).toList();
	}
}
