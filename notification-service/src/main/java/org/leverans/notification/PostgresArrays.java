package org.leverans.notification;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** PostgreSQL arrays to and from JDBC, the one way every table of this service uses them. */
public final class PostgresArrays {

	private PostgresArrays() {
	}

	/**
	 * An array literal with every element quoted, bound as text and cast in SQL ({@code ?::text[]},
	 * {@code ?::uuid[]}).
	 */
	public static String literal(Collection<?> values) {
		return values.stream()
			.map(value -> "\"" + String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
			.collect(Collectors.joining(",", "{", "}"));
	}

	/** The elements as text; none for SQL {@code NULL}. */
	public static List<String> strings(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
	}
}
