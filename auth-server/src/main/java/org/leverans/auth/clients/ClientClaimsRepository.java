package org.leverans.auth.clients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code client_claims} table, one row per machine client registered in {@code oauth2_registered_client}. */
@Repository
public class ClientClaimsRepository {

	private final JdbcTemplate jdbc;

	public ClientClaimsRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<ClientClaims> findByClientId(String clientId) {
		return this.jdbc
			.query("SELECT client_id, roles, customer_id, carrier FROM client_claims WHERE client_id = ?",
					ClientClaimsRepository::map, clientId)
			.stream()
			.findFirst();
	}

	/** Inserts the claims, or overwrites those the client already has. */
	public void save(ClientClaims claims) {
		this.jdbc.update("""
				INSERT INTO client_claims (client_id, roles, customer_id, carrier) VALUES (?, ?, ?, ?)
				ON CONFLICT (client_id) DO UPDATE SET
				    roles = excluded.roles, customer_id = excluded.customer_id, carrier = excluded.carrier""",
				claims.clientId(), claims.roles().toArray(String[]::new), claims.customerId(), claims.carrier());
	}

	private static ClientClaims map(ResultSet rs, int row) throws SQLException {
		String[] roles = (String[]) rs.getArray("roles").getArray();
		return new ClientClaims(rs.getString("client_id"), Arrays.asList(roles), rs.getObject("customer_id", UUID.class),
				rs.getString("carrier"));
	}
}
