package org.leverans.testsupport.hostile;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.StringJoiner;

import javax.sql.DataSource;

/**
 * A fingerprint of what some tables hold (their row count and a digest of every row), so a test can tell that a
 * refused request changed nothing in them, whether it would have inserted, updated or deleted. Tables that work in
 * the background changes on its own (the outbox, whose relay marks rows sent) are counted only.
 */
public final class StoredRows {

	private final DataSource dataSource;

	private final String[] tables;

	private final String[] counted;

	private StoredRows(DataSource dataSource, String[] tables, String[] counted) {
		this.dataSource = dataSource;
		this.tables = tables.clone();
		this.counted = counted.clone();
	}

	public static StoredRows of(DataSource dataSource, String... tables) {
		return new StoredRows(dataSource, tables, new String[0]);
	}

	/** These tables too, by their row count alone. */
	public StoredRows counting(String... tables) {
		return new StoredRows(this.dataSource, this.tables, tables);
	}

	public String fingerprint() {
		StringJoiner fingerprint = new StringJoiner(", ");
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (String table : this.tables) {
				// The table name comes from the test, never from a request.
				try (ResultSet rows = statement.executeQuery("SELECT count(*), md5(coalesce(string_agg(t::text, '|' "
						+ "ORDER BY t::text), '')) FROM " + table + " t")) {
					rows.next();
					fingerprint.add(table + ": " + rows.getLong(1) + " rows " + rows.getString(2).substring(0, 8));
				}
			}
			for (String table : this.counted) {
				try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
					rows.next();
					fingerprint.add(table + ": " + rows.getLong(1) + " rows");
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read " + String.join(", ", this.tables), ex);
		}
		return fingerprint.toString();
	}
}
