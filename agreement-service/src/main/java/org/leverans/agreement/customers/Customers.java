package org.leverans.agreement.customers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Customers {

	private final JdbcClient jdbc;

	Customers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Customer> byId(UUID id) {
		return this.jdbc.sql("SELECT * FROM customer WHERE id = ?").param(id).query(Customers::customer).optional();
	}

	public List<Customer> all() {
		return this.jdbc.sql("SELECT * FROM customer ORDER BY name").query(Customers::customer).list();
	}

	public List<Site> sitesOf(UUID customerId) {
		return this.jdbc.sql("SELECT * FROM delivery_site WHERE customer_id = ? ORDER BY name")
			.param(customerId)
			.query(Customers::site)
			.list();
	}

	static Customer customer(ResultSet rs, int row) throws SQLException {
		return new Customer(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("business_id"),
				rs.getString("country_code"), ZoneId.of(rs.getString("time_zone")));
	}

	public static Site site(ResultSet rs, int row) throws SQLException {
		return new Site(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class), rs.getString("name"),
				rs.getString("street"), rs.getString("postal_code"), rs.getString("city"),
				rs.getString("country_code"), rs.getString("receiver_name"), rs.getString("receiver_phone"));
	}
}
