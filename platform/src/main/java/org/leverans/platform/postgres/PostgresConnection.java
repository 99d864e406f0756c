package org.leverans.platform.postgres;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the services' databases live: a server URL without a database ({@code jdbc:postgresql://host:5432/}, query
 * parameters allowed) and the credentials every service uses.
 */
public record PostgresConnection(String serverUrl, String username, String password) {

	public static final String URL_ENV = "LEVERANS_POSTGRES_URL";

	public static final String USER_ENV = "LEVERANS_POSTGRES_USER";

	public static final String PASSWORD_ENV = "LEVERANS_POSTGRES_PASSWORD";

	public PostgresConnection {
		Objects.requireNonNull(serverUrl, "serverUrl");
		Objects.requireNonNull(username, "username");
		Objects.requireNonNull(password, "password");
		if (!serverUrl.startsWith("jdbc:postgresql://")) {
			throw new IllegalArgumentException(
					"Expected a PostgreSQL JDBC URL such as jdbc:postgresql://localhost:5432/, was " + serverUrl);
		}
	}

	public static PostgresConnection local(int port) {
		return new PostgresConnection("jdbc:postgresql://localhost:" + port + "/", "postgres", "postgres");
	}

	/** An existing server named by {@code LEVERANS_POSTGRES_URL} (+ {@code _USER}/{@code _PASSWORD}), if any. */
	public static Optional<PostgresConnection> fromEnvironment(Map<String, String> env) {
		String url = env.get(URL_ENV);
		if (url == null || url.isBlank()) {
			return Optional.empty();
		}
		return Optional.of(new PostgresConnection(url.trim(), env.getOrDefault(USER_ENV, "postgres"),
				env.getOrDefault(PASSWORD_ENV, "postgres")));
	}

	/** The JDBC URL of one database on this server, keeping any query parameters of the server URL. */
	public String jdbcUrl(String database) {
		int query = this.serverUrl.indexOf('?');
		String base = (query < 0) ? this.serverUrl : this.serverUrl.substring(0, query);
		String parameters = (query < 0) ? "" : this.serverUrl.substring(query);
		String hostAndPort = base.substring("jdbc:postgresql://".length());
		int slash = hostAndPort.indexOf('/');
		if (slash >= 0) {
			hostAndPort = hostAndPort.substring(0, slash);
		}
		return "jdbc:postgresql://" + hostAndPort + "/" + database + parameters;
	}
}
