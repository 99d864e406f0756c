package org.leverans.platform.services;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.leverans.platform.Ports;
import org.leverans.platform.postgres.PostgresConnection;

/**
 * The environment a service JVM gets: where its database, Kafka, the auth-server and the stand-ins are. Every
 * address follows the port offset.
 */
public record ServiceEnvironment(Ports ports, PostgresConnection postgres, String kafkaBootstrapServers,
		Map<String, String> extra, Map<Service, Integer> instances) {

	public ServiceEnvironment {
		extra = (extra != null) ? Map.copyOf(extra) : Map.of();
		instances = (instances != null) ? Map.copyOf(instances) : Map.of();
	}

	public ServiceEnvironment(Ports ports, PostgresConnection postgres, String kafkaBootstrapServers,
			Map<String, String> extra) {
		this(ports, postgres, kafkaBootstrapServers, extra, Map.of());
	}

	public Map<String, String> forService(Service service) {
		return forService(service, 0);
	}

	/** The environment of one instance of the service, counted from 0; they differ only in their port. */
	public Map<String, String> forService(Service service, int instance) {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("SERVER_PORT", String.valueOf(this.ports.service(service, instance)));
		service.database().ifPresent((database) -> {
			env.put("SPRING_DATASOURCE_URL", this.postgres.jdbcUrl(database));
			env.put("SPRING_DATASOURCE_USERNAME", this.postgres.username());
			env.put("SPRING_DATASOURCE_PASSWORD", this.postgres.password());
		});
		env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", this.kafkaBootstrapServers);
		env.put("SPRING_PROFILES_ACTIVE", "demo");
		env.put("LEVERANS_AUTH_ISSUER_URI", authServerUrl());
		env.put("LEVERANS_CREDIT_BUREAU_URL", "http://localhost:" + this.ports.creditBureau());
		env.put("SPRING_MAIL_HOST", "localhost");
		env.put("SPRING_MAIL_PORT", String.valueOf(this.ports.smtp()));
		if (service == Service.GATEWAY) {
			for (Service routed : Service.values()) {
				routed.gatewayRouteKey()
					.ifPresent((key) -> env.put("LEVERANS_SERVICES_" + key + "_URI", instanceUrls(routed)));
			}
		}
		if (service == Service.ORDER || service == Service.NOTIFICATION) {
			// order-service asks agreement-service for quotes: the order preview and the product check at placement;
			// notification-service whether a site it has not seen yet is in the caller's agreement.
			env.put("LEVERANS_SERVICES_AGREEMENT_URI", serviceUrl(Service.AGREEMENT));
		}
		if (service == Service.NOTIFICATION) {
			// E-mails link to the pages (a reorder reminder to its priced preview).
			env.put("LEVERANS_MAIL_PAGES_URL", serviceUrl(Service.GATEWAY));
		}
		if (service == Service.AUTH_SERVER) {
			// A person may sign in and out through any gateway instance.
			env.put("LEVERANS_AUTH_WEB_CLIENT_REDIRECT_URIS", gatewayUrls("/login/oauth2/code/leverans"));
			env.put("LEVERANS_AUTH_WEB_CLIENT_POST_LOGOUT_REDIRECT_URIS", gatewayUrls("/"));
		}
		env.putAll(this.extra);
		return env;
	}

	public String serviceUrl(Service service) {
		return "http://localhost:" + this.ports.service(service);
	}

	public String serviceUrl(Service service, int instance) {
		return "http://localhost:" + this.ports.service(service, instance);
	}

	/** Every instance's URL, comma-separated, as the gateway takes them to spread requests over. */
	String instanceUrls(Service service) {
		StringBuilder urls = new StringBuilder(serviceUrl(service));
		for (int instance = 1; instance < this.instances.getOrDefault(service, 1); instance++) {
			urls.append(',').append(serviceUrl(service, instance));
		}
		return urls.toString();
	}

	private String gatewayUrls(String path) {
		return Arrays.stream(instanceUrls(Service.GATEWAY).split(","))
			.map((url) -> url + path)
			.collect(Collectors.joining(","));
	}

	public String authServerUrl() {
		return serviceUrl(Service.AUTH_SERVER);
	}
}
