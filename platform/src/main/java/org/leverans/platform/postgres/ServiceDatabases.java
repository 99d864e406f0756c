package org.leverans.platform.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** One database per service, created when missing (never dropped, so a restart keeps the data). */
public final class ServiceDatabases {

	private ServiceDatabases() {
	}

	/** Creates the missing ones and returns their names. */
	public static List<String> ensureExist(PostgresConnection server, List<String> databases) throws SQLException {
		List<String> created = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), server.username(),
				server.password())) {
			for (String database : databases) {
				if (!database.matches("[a-z][a-z0-9_]*")) {
					throw new IllegalArgumentException("Not a plain database name: " + database);
				}
				if (!exists(connection, database)) {
					try (Statement statement = connection.createStatement()) {
						statement.execute("CREATE DATABASE " + database);
					}
					created.add(database);
				}
			}
		}
		return created;
	}

	private static boolean exists(Connection connection, String database) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			query.setString(1, database);
			try (ResultSet result = query.executeQuery()) {
				return result.next();
			}
		}
	}
}
