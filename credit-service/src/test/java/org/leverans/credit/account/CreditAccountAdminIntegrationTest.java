package org.leverans.credit.account;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.validation.OrderValidated;
import org.leverans.credit.decision.CreditAssessment;
import org.leverans.credit.testing.CreditServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class CreditAccountAdminIntegrationTest extends CreditServiceIntegrationTest {

	@Autowired
	CreditAssessment assessment;

	@Test
	void showsLimitExposureAvailableAndOpenReservations() throws Exception {
		CreditAccount account = newAccount("5000.00");
		OrderValidated order = validated(account.customerId(), "1234.50", "EUR");
		this.assessment.assess(order);

		this.mvc.perform(get("/api/admin/credit-accounts/" + account.customerId()).with(as("admin", "ADMIN")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.customerId").value(account.customerId().toString()))
			.andExpect(jsonPath("$.limit").value("5000.00"))
			.andExpect(jsonPath("$.currency").value("EUR"))
			.andExpect(jsonPath("$.exposure").value("1234.50"))
			.andExpect(jsonPath("$.available").value("3765.50"))
			.andExpect(jsonPath("$.blocked").value(false))
			.andExpect(jsonPath("$.reservations[0].orderId").value(order.orderId().toString()))
			.andExpect(jsonPath("$.reservations[0].amount").value("1234.50"));
	}

	@Test
	void changesTheLimitAndItsExpiry() throws Exception {
		CreditAccount account = newAccount("5000.00");
		LocalDate expiresOn = LocalDate.now().plusMonths(6);

		this.mvc.perform(put("/api/admin/credit-accounts/" + account.customerId() + "/limit")
			.with(as("admin", "ADMIN"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"limit\":\"7500.5\",\"expiresOn\":\"" + expiresOn + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.limit").value("7500.50"))
			.andExpect(jsonPath("$.available").value("7500.50"))
			.andExpect(jsonPath("$.limitExpiresOn").value(expiresOn.toString()));
	}

	@Test
	void blockedAccountHasOrdersDeclinedUntilUnblocked() throws Exception {
		CreditAccount account = newAccount("5000.00");

		this.mvc.perform(post("/api/admin/credit-accounts/" + account.customerId() + "/block")
			.with(as("admin", "ADMIN"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"invoices 90 days overdue\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.blocked").value(true))
			.andExpect(jsonPath("$.blockedReason").value("invoices 90 days overdue"));
		OrderValidated whileBlocked = validated(account.customerId(), "10.00", "EUR");
		this.assessment.assess(whileBlocked);

		this.mvc.perform(post("/api/admin/credit-accounts/" + account.customerId() + "/unblock")
			.with(as("admin", "ADMIN")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.blocked").value(false));
		OrderValidated afterwards = validated(account.customerId(), "10.00", "EUR");
		this.assessment.assess(afterwards);

		assertThat(outcomeOf(whileBlocked)).isEqualTo("DECLINED");
		assertThat(this.jdbc.queryForObject("SELECT reasons::text FROM credit_decision WHERE order_id = ?",
				String.class, whileBlocked.orderId())).contains("ACCOUNT_BLOCKED");
		assertThat(outcomeOf(afterwards)).isEqualTo("RESERVED");
	}

	@Test
	void invalidLimitIsRefusedNamingTheFieldAndChangesNothing() throws Exception {
		CreditAccount account = newAccount("5000.00");

		this.mvc.perform(put("/api/admin/credit-accounts/" + account.customerId() + "/limit")
			.with(as("admin", "ADMIN"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"limit\":\"-1.00\",\"expiresOn\":\"2020-01-01\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[?(@.field == 'limit')].code").value("TOO_SMALL"))
			.andExpect(jsonPath("$.errors[?(@.field == 'expiresOn')].code").value("FUTURE_OR_PRESENT"));
		this.mvc.perform(put("/api/admin/credit-accounts/" + account.customerId() + "/limit")
			.with(as("admin", "ADMIN"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"limit\":\"lots\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("limit"));

		assertThat(this.accounts.find(account.customerId()).orElseThrow().limit()).isEqualByComparingTo("5000.00");
	}

	@Test
	void unknownCustomerIsNotFoundAndOtherRolesAreForbidden() throws Exception {
		this.mvc.perform(get("/api/admin/credit-accounts/" + UUID.randomUUID()).with(as("admin", "ADMIN")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		// An id that cannot exist is not found, like any other unknown id (the one rule of web-conventions).
		this.mvc.perform(get("/api/admin/credit-accounts/not-a-uuid").with(as("admin", "ADMIN")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("urn:leverans:problem:not-found"));
		CreditAccount account = newAccount("5000.00");
		this.mvc.perform(put("/api/admin/credit-accounts/" + account.customerId() + "/limit")
			.with(as("sara", "CUSTOMER_SERVICE"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"limit\":\"9999999.00\"}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(this.accounts.find(account.customerId()).orElseThrow().limit()).isEqualByComparingTo("5000.00");
	}

	@Test
	void demoCustomersHaveTheirCreditLimits() throws Exception {
		this.mvc.perform(get("/api/admin/credit-accounts/22222222-2222-2222-2222-222222222222")
			.with(as("admin", "ADMIN")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.businessId").value("SE5566778899"))
			.andExpect(jsonPath("$.limit").value("400000.00"))
			.andExpect(jsonPath("$.currency").value("SEK"));
		assertThat(this.accounts.find(UUID.fromString("11111111-1111-1111-1111-111111111111")).orElseThrow())
			.satisfies(rakennus -> {
				assertThat(rakennus.businessId()).isEqualTo("FI12345678");
				assertThat(rakennus.limit()).isEqualByComparingTo("50000.00");
			});
		assertThat(this.accounts.find(UUID.fromString("33333333-3333-3333-3333-333333333333")).orElseThrow())
			.satisfies(kivi -> {
				assertThat(kivi.businessId()).isEqualTo("FI87654321");
				assertThat(kivi.limit()).isEqualByComparingTo("20000.00");
			});
	}

	private String outcomeOf(OrderValidated order) {
		return this.jdbc.queryForObject("SELECT outcome FROM credit_decision WHERE order_id = ?", String.class,
				order.orderId());
	}
}
