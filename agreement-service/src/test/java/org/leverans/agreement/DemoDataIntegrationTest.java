package org.leverans.agreement;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo master data of docs/flow.md, loaded by profile demo. */
class DemoDataIntegrationTest extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void hasTheThreeDemoCustomersWithTheirAgreements() {
		assertThat(this.jdbc.sql("""
				SELECT c.business_id || ' ' || a.number || ' ' || a.currency || ' ' || v.payment_terms_code
				FROM customer c JOIN agreement a ON a.customer_id = c.id JOIN agreement_version v ON v.agreement_id = a.id
				WHERE c.business_id IN ('FI12345678', 'SE5566778899', 'FI87654321') AND v.version = 1
				ORDER BY a.number""").query(String.class).list())
			.containsExactly("FI12345678 AG-2026-0001 EUR NET_30", "SE5566778899 AG-2026-0002 SEK NET_14",
					"FI87654321 AG-2026-0003 EUR NET_30");
		assertThat(this.jdbc.sql("SELECT count(*) FROM agreement_site WHERE agreement_id = ?")
			.param(RAKENNUS_AGREEMENT)
			.query(Integer.class)
			.single()).isEqualTo(3);
	}

	@Test
	void hasAConstructionCatalogueWithSomeProductsOnlyLaterAvailable() {
		assertThat(this.jdbc.sql("SELECT count(*) FROM product").query(Integer.class).single()).isGreaterThanOrEqualTo(30);
		assertThat(this.jdbc.sql("SELECT count(DISTINCT product_group) FROM product").query(Integer.class).single())
			.isGreaterThanOrEqualTo(7);
		List<String> later = this.jdbc.sql("SELECT sku FROM product WHERE available_in_days BETWEEN 10 AND 14 ORDER BY sku")
			.query(String.class)
			.list();
		assertThat(later).containsExactly("GLULAM-90x270", "ROOF-SHEET-2M", "TIM-48x198", "XPS-50");
	}
}
