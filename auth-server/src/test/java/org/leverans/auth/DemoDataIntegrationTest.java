package org.leverans.auth;

import org.junit.jupiter.api.Test;
import org.leverans.auth.demo.DemoData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDataIntegrationTest extends AuthServerIntegrationTest {

	@Autowired
	DemoData demoData;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void loadingAgainChangesNothingAndKeepsClientsWorking() throws Exception {
		// already loaded once at start-up
		this.demoData.load();

		assertThat(this.jdbc.queryForList("SELECT username FROM user_account ORDER BY username", String.class))
			.containsExactly("admin", "anna", "erik", "kalle", "liisa", "mikko", "sara");
		assertThat(this.jdbc.queryForList("SELECT client_id FROM oauth2_registered_client ORDER BY client_id",
				String.class))
			.containsExactly("baltic-haulage", "bygg-erp", "kivi-erp", "leverans-web", "nordic-freight", "rakennus-erp",
					"supplier-erp", "support-desk");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM client_claims", Integer.class)).isEqualTo(7);
		assertThat(clientCredentialsToken("bygg-erp", DEMO_SECRET).statusCode()).isEqualTo(200);
	}
}
