package org.leverans.agreement.approval;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leverans.agreement.IntegrationTest;
import org.leverans.contracts.Topics;
import org.leverans.contracts.order.OrderCancelled;
import org.leverans.contracts.order.OrderPlaced;
import org.leverans.contracts.validation.OrderApprovalRejected;
import org.leverans.contracts.validation.OrderApprovalRequired;
import org.leverans.contracts.validation.OrderApproved;
import org.leverans.contracts.validation.OrderValidated;
import org.leverans.testsupport.events.EventProducer;
import org.leverans.testsupport.events.TopicProbe;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.leverans.testsupport.events.TopicProbe.header;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Spending limits through the API, and orders above them through Kafka: they wait for an agreement manager, who
 * approves or rejects them, or they expire.
 */
class ApprovalIntegrationTest extends IntegrationTest {

	static final String REQUIRED = "leverans.order-validation.approval-required.v1";

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApprovalDecisions decisions;

	ApprovalCompany company;

	@BeforeEach
	void newCompany() throws Exception {
		this.company = ApprovalCompany.create(this.mvc, this.json);
	}

	@Test
	void agreementManagerSetsAnOrderersLimitAndSeesItBesideTheSites() throws Exception {
		limit("/orderers/olli", "{\"orderLimit\":\"1000.00\",\"monthlyBudget\":\"5000.00\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.orderLimit").value("1000.00"))
			.andExpect(jsonPath("$.monthlyBudget").value("5000.00"))
			.andExpect(jsonPath("$.currency").value("EUR"))
			.andExpect(jsonPath("$.updatedBy").value("boss"));

		this.mvc.perform(get("/api/approval-limits").with(this.company.boss()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.currency").value("EUR"))
			.andExpect(jsonPath("$.orderers[*].id", contains("olli")))
			.andExpect(jsonPath("$.orderers[0].name").value("Olli Orderer"))
			.andExpect(jsonPath("$.orderers[0].limit.orderLimit").value("1000.00"))
			.andExpect(jsonPath("$.orderers[0].spentThisMonth").value("0.00"))
			.andExpect(jsonPath("$.sites[*].id", contains(this.company.siteId().toString())))
			.andExpect(jsonPath("$.sites[0].name").value("Site Espoo"))
			.andExpect(jsonPath("$.sites[0].limit").doesNotExist());

		this.mvc.perform(delete("/api/approval-limits/orderers/olli").with(this.company.boss()))
			.andExpect(status().isNoContent());
		this.mvc.perform(delete("/api/approval-limits/orderers/olli").with(this.company.boss()))
			.andExpect(status().isNotFound());
	}

	@Test
	void refusesALimitWithoutAnOrderLimitOrWithABudgetBelowItNamingTheFieldAndStoresNothing() throws Exception {
		limit("/orderers/olli", "{\"monthlyBudget\":\"5000.00\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:leverans:problem:invalid-request"))
			.andExpect(jsonPath("$.errors[0].field").value("orderLimit"))
			.andExpect(jsonPath("$.errors[0].code").value("REQUIRED"));
		limit("/orderers/olli", "{\"orderLimit\":\"1000.00\",\"monthlyBudget\":\"500.00\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("monthlyBudget"))
			.andExpect(jsonPath("$.errors[0].code").value("TOO_SMALL"));
		limit("/sites/" + this.company.siteId(), "{\"orderLimit\":\"-1.00\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("orderLimit"));
		limit("/sites/" + this.company.siteId(), "{\"orderLimit\":\"10.001\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("orderLimit"));

		assertThat(this.jdbc.sql("SELECT count(*) FROM spending_limit WHERE agreement_id = ?")
			.param(this.company.agreementId())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void onlyTheCompanysOwnOrderersAndSitesGetLimitsAndOnlyItsManagersSetThem() throws Exception {
		limit("/orderers/anna", "{\"orderLimit\":\"1000.00\"}").andExpect(status().isNotFound());
		limit("/orderers/boss", "{\"orderLimit\":\"1000.00\"}").andExpect(status().isNotFound());
		limit("/sites/" + JATKASAARI, "{\"orderLimit\":\"1000.00\"}").andExpect(status().isNotFound());
		this.mvc.perform(put("/api/approval-limits/orderers/olli").with(this.company.olli())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"orderLimit\":\"1000000.00\"}")).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/approvals").with(this.company.olli())).andExpect(status().isForbidden());
	}

	@Test
	void anOrderWithinItsLimitsIsValidatedAtOnce() throws Exception {
		limit("/orderers/olli", "{\"orderLimit\":\"1000.00\"}").andExpect(status().isOk());
		OrderPlaced order = this.company.order(100);
		place(order);

		List<ConsumerRecord<String, byte[]>> outcome = TopicProbe.awaitAll(Topics.ORDER_VALIDATION, order.orderId());
		assertThat(outcome).extracting(record -> header(record, "ce_type"))
			.containsExactly("leverans.order-validation.validated.v1");
	}

	@Test
	void anOrderAboveTheOrderersLimitWaitsUntilTheAgreementManagerApprovesIt() throws Exception {
		limit("/orderers/olli", "{\"orderLimit\":\"1000.00\"}").andExpect(status().isOk());
		OrderPlaced order = this.company.order(200);
		place(order);

		OrderApprovalRequired required = awaitApprovalRequired(order);
		assertThat(required.totals().total()).isEqualByComparingTo("1620.00");
		assertThat(required.placedBy()).isEqualTo("olli");
		assertThat(required.approvers()).containsExactly("boss");
		assertThat(required.expiresAt()).isEqualTo(required.requestedAt().plus(Duration.ofHours(72)));
		assertThat(required.reasons()).singleElement().satisfies(reason -> {
			assertThat(reason.code()).isEqualTo("ORDER_LIMIT_EXCEEDED");
			assertThat(reason.message()).contains("1620.00 EUR", "olli", "1000.00 EUR");
		});
		assertThat(TopicProbe.awaitAll(Topics.ORDER_VALIDATION, order.orderId())).extracting(r -> header(r, "ce_type"))
			.containsExactly(REQUIRED);
		this.mvc.perform(get("/api/approvals").with(this.company.boss()))
			.andExpect(jsonPath("$.items[*].orderId", contains(order.orderId().toString())))
			.andExpect(jsonPath("$.items[0].status").value("PENDING"))
			.andExpect(jsonPath("$.items[0].total").value("1620.00"))
			.andExpect(jsonPath("$.items[0].lines[0].sku").value("CEM-25KG"))
			.andExpect(jsonPath("$.items[0].lines[0].siteName").value("Site Espoo"));

		decide(order, "{\"decision\":\"APPROVE\",\"reason\":\"Big pour next week\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"))
			.andExpect(jsonPath("$.decidedBy").value("boss"))
			.andExpect(jsonPath("$.note").value("Big pour next week"));

		List<ConsumerRecord<String, byte[]>> outcome = TopicProbe.awaitRecords(Topics.ORDER_VALIDATION,
				order.orderId(), found -> found.size() == 3);
		assertThat(outcome).extracting(record -> header(record, "ce_type"))
			.containsExactly(REQUIRED, "leverans.order-validation.approved.v1",
					"leverans.order-validation.validated.v1");
		OrderApproved approved = this.json.readValue(outcome.get(1).value(), OrderApproved.class);
		assertThat(approved.approvedBy()).isEqualTo("boss");
		assertThat(approved.note()).isEqualTo("Big pour next week");
		OrderValidated validated = this.json.readValue(outcome.get(2).value(), OrderValidated.class);
		assertThat(validated.totals().total()).isEqualByComparingTo("1620.00");
		assertThat(validated.validatedAt()).isEqualTo(approved.approvedAt());

		decide(order, "{\"decision\":\"REJECT\",\"reason\":\"Changed my mind\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("urn:leverans:problem:approval-closed"));
		this.mvc.perform(get("/api/approval-limits").with(this.company.boss()))
			.andExpect(jsonPath("$.orderers[0].spentThisMonth").value("1620.00"));
	}

	@Test
	void aRejectedOrderCarriesTheManagersReasonAndARejectionNeedsOne() throws Exception {
		limit("/sites/" + this.company.siteId(), "{\"orderLimit\":\"500.00\"}").andExpect(status().isOk());
		OrderPlaced order = this.company.order(100);
		place(order);
		assertThat(awaitApprovalRequired(order).reasons().get(0).message()).contains("Site Espoo");

		decide(order, "{\"decision\":\"REJECT\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		decide(order, "{\"decision\":\"REJECT\",\"reason\":\"Order from the framework supplier\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REJECTED"));

		OrderApprovalRejected rejected = this.json.readValue(TopicProbe
			.awaitFirst(Topics.ORDER_VALIDATION, order.orderId(), "leverans.order-validation.approval-rejected.v1")
			.value(), OrderApprovalRejected.class);
		assertThat(rejected.rejectedBy()).isEqualTo("boss");
		assertThat(rejected.reasons()).singleElement().satisfies(reason -> {
			assertThat(reason.code()).isEqualTo("APPROVAL_REJECTED");
			assertThat(reason.message()).isEqualTo("Rejected by boss: Order from the framework supplier");
		});
	}

	@Test
	void anOrderNobodyApprovesInTimeIsRejectedAsExpired() throws Exception {
		limit("/orderers/olli", "{\"orderLimit\":\"100.00\"}").andExpect(status().isOk());
		OrderPlaced order = this.company.order(20);
		place(order);
		OrderApprovalRequired required = awaitApprovalRequired(order);

		this.decisions.expireDue(required.expiresAt().minusSeconds(1));
		this.mvc.perform(get("/api/approvals/{id}", order.orderId()).with(this.company.boss()))
			.andExpect(jsonPath("$.status").value("PENDING"));

		assertThat(this.decisions.expireDue(required.expiresAt())).isPositive();
		this.mvc.perform(get("/api/approvals/{id}", order.orderId()).with(this.company.boss()))
			.andExpect(jsonPath("$.status").value("EXPIRED"));
		OrderApprovalRejected expired = this.json.readValue(TopicProbe
			.awaitFirst(Topics.ORDER_VALIDATION, order.orderId(), "leverans.order-validation.approval-rejected.v1")
			.value(), OrderApprovalRejected.class);
		assertThat(expired.rejectedBy()).isNull();
		assertThat(expired.reasons()).extracting(reason -> reason.code()).containsExactly("APPROVAL_EXPIRED");
		decide(order, "{\"decision\":\"APPROVE\"}").andExpect(status().isConflict());
	}

	@Test
	void aCancelledOrderGivesBackItsSpendAndWithdrawsItsApproval() throws Exception {
		limit("/orderers/olli", "{\"orderLimit\":\"1000.00\",\"monthlyBudget\":\"2000.00\"}")
			.andExpect(status().isOk());
		OrderPlaced first = this.company.order(100);
		place(first);
		TopicProbe.awaitFirst(Topics.ORDER_VALIDATION, first.orderId(), "leverans.order-validation.validated.v1");
		OrderPlaced second = this.company.order(100);
		place(second);
		TopicProbe.awaitFirst(Topics.ORDER_VALIDATION, second.orderId(), "leverans.order-validation.validated.v1");
		OrderPlaced third = this.company.order(100);
		place(third);
		assertThat(awaitApprovalRequired(third).reasons()).singleElement()
			.satisfies(reason -> assertThat(reason.code()).isEqualTo("MONTHLY_BUDGET_EXCEEDED"));
		spentIs("1780.00");

		cancel(first);
		spentIs("890.00");
		cancel(third);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> this.mvc
			.perform(get("/api/approvals/{id}", third.orderId()).with(this.company.boss()))
			.andExpect(jsonPath("$.status").value("WITHDRAWN")));
		spentIs("890.00");
	}

	@Test
	void anotherCompanysApprovalsAreNotFound() throws Exception {
		limit("/orderers/olli", "{\"orderLimit\":\"100.00\"}").andExpect(status().isOk());
		OrderPlaced order = this.company.order(20);
		place(order);
		awaitApprovalRequired(order);

		this.mvc.perform(get("/api/approvals/{id}", order.orderId()).with(token("liisa", RAKENNUS, "AGREEMENT_MANAGER")))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/api/approvals/{id}/decision", order.orderId())
			.with(token("liisa", RAKENNUS, "AGREEMENT_MANAGER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"decision\":\"APPROVE\"}")).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/approvals/{id}", order.orderId()).with(this.company.boss()))
			.andExpect(jsonPath("$.status").value("PENDING"));
	}

	@Test
	void aManagerOfTheCompanyWhoDoesNotManageTheOrdersAgreementMayNotDecide() throws Exception {
		limit("/orderers/olli", "{\"orderLimit\":\"100.00\"}").andExpect(status().isOk());
		OrderPlaced order = this.company.order(20);
		place(order);
		awaitApprovalRequired(order);

		this.mvc.perform(post("/api/approvals/{id}/decision", order.orderId())
			.with(token("other-boss", this.company.customerId(), "AGREEMENT_MANAGER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"decision\":\"APPROVE\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("managers of its agreement")));
		this.mvc.perform(get("/api/approvals/{id}", order.orderId()).with(this.company.boss()))
			.andExpect(jsonPath("$.status").value("PENDING"));
	}

	private ResultActions limit(String path, String body) throws Exception {
		return this.mvc.perform(put("/api/approval-limits" + path).with(this.company.boss())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private ResultActions decide(OrderPlaced order, String body) throws Exception {
		return this.mvc.perform(post("/api/approvals/{id}/decision", order.orderId()).with(this.company.boss())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private void spentIs(String amount) {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> this.mvc
			.perform(get("/api/approval-limits").with(this.company.boss()))
			.andExpect(jsonPath("$.orderers[0].spentThisMonth").value(amount)));
	}

	private void place(OrderPlaced order) {
		new EventProducer(this.json).publish(order.orderId(), order);
	}

	private void cancel(OrderPlaced order) {
		new EventProducer(this.json).publish(order.orderId(), new OrderCancelled(order.orderId(), order.orderNumber(),
				order.customerId(), "olli", "not needed", Instant.now()));
	}

	private OrderApprovalRequired awaitApprovalRequired(OrderPlaced order) {
		return this.json.readValue(TopicProbe.awaitFirst(Topics.ORDER_VALIDATION, order.orderId(), REQUIRED).value(),
				OrderApprovalRequired.class);
	}
}
