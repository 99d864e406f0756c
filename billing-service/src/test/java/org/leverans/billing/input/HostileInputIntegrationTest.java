package org.leverans.billing.input;

import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.leverans.billing.testing.BillingServiceIntegrationTest;
import org.leverans.testsupport.hostile.HostileBodies;
import org.leverans.testsupport.hostile.HostileRequests;
import org.leverans.testsupport.hostile.StoredRows;
import org.leverans.testsupport.security.TestCaller;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A payment posted by the supplier's ERP, given hostile bodies generated from a valid one: never a 5xx, a problem on
 * every 4xx, and nothing stored when refused.
 */
class HostileInputIntegrationTest extends BillingServiceIntegrationTest {

	private static final int TRIES = 40;

	@Autowired
	DataSource dataSource;

	@Test
	void receivingAPaymentSurvivesHostileBodies() {
		String externalId = "bank-" + UUID.randomUUID();
		StoredRows rows = StoredRows.of(this.dataSource, "payment");
		HostileRequests.assertSafe(HostileBodies.of("""
				{"externalId":"%s","reference":"RF18539007547034","amount":"120.50","currency":"EUR",
				 "paidOn":"2026-12-01","payerName":"Rakennus Oy"}""".formatted(externalId)), TRIES,
				body -> this.mvc.perform(post("/api/admin/billing/payments").with(as(TestCaller.admin("supplier-erp")))
					.contentType(MediaType.APPLICATION_JSON)
					.content(body)),
				rows::fingerprint);
	}
}
