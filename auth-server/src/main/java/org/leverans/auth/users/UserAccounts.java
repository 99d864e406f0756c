package org.leverans.auth.users;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code user_account} table. */
@Repository
public class UserAccounts {

	private final JdbcTemplate jdbc;

	public UserAccounts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<UserAccount> findByUsername(String username) {
		return this.jdbc
			.query("""
					SELECT username, password_hash, display_name, email, locale, roles, customer_id, site_ids, enabled
					FROM user_account WHERE username = ?""", UserAccounts::map, username.toLowerCase(Locale.ROOT))
			.stream()
			.findFirst();
	}

	/** Inserts the account, or overwrites every field of the one with the same username. */
	public void save(UserAccount account) {
		this.jdbc.update("""
				INSERT INTO user_account
				    (username, password_hash, display_name, email, locale, roles, customer_id, site_ids, enabled)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?::uuid[], ?)
				ON CONFLICT (username) DO UPDATE SET
				    password_hash = excluded.password_hash, display_name = excluded.display_name,
				    email = excluded.email, locale = excluded.locale, roles = excluded.roles,
				    customer_id = excluded.customer_id, site_ids = excluded.site_ids, enabled = excluded.enabled,
				    updated_at = now()""", account.username(), account.passwordHash(), account.displayName(),
				account.email(), account.locale(), account.roles().toArray(String[]::new), account.customerId(),
				account.siteIds().stream().map(UUID::toString).toArray(String[]::new), account.enabled());
	}

	private static UserAccount map(ResultSet rs, int row) throws SQLException {
		return new UserAccount(rs.getString("username"), rs.getString("password_hash"), rs.getString("display_name"),
				rs.getString("email"), rs.getString("locale"), list(rs.getArray("roles"), String.class),
				rs.getObject("customer_id", UUID.class), list(rs.getArray("site_ids"), UUID.class),
				rs.getBoolean("enabled"));
	}

	static <T> List<T> list(Array array, Class<T> type) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return Arrays.stream((Object[]) array.getArray()).map(type::cast).toList();
	}
}
