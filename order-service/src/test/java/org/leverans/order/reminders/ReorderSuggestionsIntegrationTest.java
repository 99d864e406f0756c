package org.leverans.order.reminders;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.Topics;
import org.leverans.order.OrderServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/** Each test is a company of its own, with a site of its own, so one test's orders teach another nothing. */
class ReorderSuggestionsIntegrationTest extends OrderServiceIntegrationTest {

	private final UUID company = UUID.randomUUID();

	private final UUID site = UUID.randomUUID();

	@Autowired
	private ReorderAnnouncements announcements;

	@Test
	void suggestsWhatASiteOrdersEveryWeekOnceItIsDueWithItsUsualQuantity() throws Exception {
		orderedDaysAgo(21, 14, 7);

		JsonNode items = suggestions(buyer());

		assertThat(items.size()).isEqualTo(1);
		assertThat(items.get(0).get("sku").asString()).isEqualTo("CEM-25KG");
		assertThat(items.get(0).get("siteId").asString()).isEqualTo(this.site.toString());
		assertThat(items.get(0).get("quantity").asInt()).isEqualTo(40);
		assertThat(items.get(0).get("packageSize").asString()).isEqualTo("PALLET");
		assertThat(items.get(0).get("everyDays").asInt()).isEqualTo(7);
		assertThat(items.get(0).get("dueOn").asString()).isEqualTo(daysAgo(0).toString());
	}

	@Test
	void announcesADueProductOncePerCycleAndNotWhileItIsSnoozed() throws Exception {
		orderedDaysAgo(21, 14, 7);
		answer(buyer(), this.site, "{\"snoozedUntil\":\"" + LocalDate.now().plusDays(2) + "\"}", 200);

		assertThat(this.announcements.announce(this.company)).as("snoozed").isZero();
		this.jdbc.update("UPDATE reorder_reminder SET snoozed_until = NULL WHERE customer_id = ?", this.company);
		int first = this.announcements.announce(this.company);
		int again = this.announcements.announce(this.company);

		assertThat(first).isOne();
		assertThat(again).as("the same cycle").isZero();
		JsonNode due = this.json.readTree(awaitRecord(Topics.ORDER, this.company, "leverans.order.reorder-due.v1")
			.value());
		assertThat(due.get("sku").asString()).isEqualTo("CEM-25KG");
		assertThat(due.get("quantity").asInt()).isEqualTo(40);
		assertThat(due.get("dueOn").asString()).isEqualTo(daysAgo(0).toString());
		assertThat(this.jdbc.queryForObject("""
				SELECT count(*) FROM messaging.outbox_event WHERE record_key = ? AND type = 'leverans.order.reorder-due.v1'""",
				Integer.class, this.company.toString())).isOne();
	}

	@Test
	void suggestsNothingBeforeTheLeadNorFromRejectedOrders() throws Exception {
		orderedDaysAgo(16, 9, 2);
		assertThat(suggestions(buyer()).size()).as("due in five days, the lead is three").isZero();

		this.jdbc.update("UPDATE customer_order SET status = 'REJECTED' WHERE customer_id = ?", this.company);
		orderedDaysAgo(10, 3);
		assertThat(suggestions(buyer()).size()).as("only two orders were not rejected").isZero();
	}

	@Test
	void aSnoozedSuggestionWaitsUntilItsDayAndADismissedOneUntilTheNextOrder() throws Exception {
		orderedDaysAgo(21, 14, 7);

		answer(buyer(), this.site, "{\"snoozedUntil\":\"" + LocalDate.now().plusDays(2) + "\"}", 200);
		assertThat(suggestions(buyer()).size()).isZero();
		this.jdbc.update("UPDATE reorder_reminder SET snoozed_until = ? WHERE customer_id = ?",
				java.sql.Date.valueOf(LocalDate.now()), this.company);
		assertThat(suggestions(buyer()).size()).as("the snooze is over").isEqualTo(1);

		answer(buyer(), this.site, "{\"dismissed\":true}", 200);
		assertThat(suggestions(buyer()).size()).isZero();
		answer(buyer(), this.site, "{\"dismissed\":true}", 404);
	}

	@Test
	void anotherCompanysSuggestionIsNotFoundAndABadAnswerStoresNothing() throws Exception {
		orderedDaysAgo(21, 14, 7);
		JwtRequestPostProcessor stranger = token("olli", UUID.randomUUID(), List.of(), "ORDERER");

		answer(stranger, this.site, "{\"dismissed\":true}", 404);
		answer(buyer(), this.site, "{\"dismissed\":true,\"snoozedUntil\":\"" + LocalDate.now().plusDays(3) + "\"}",
				400);
		answer(buyer(), this.site, "{\"snoozedUntil\":\"" + LocalDate.now().minusDays(1) + "\"}", 400);
		answer(buyer(), this.site, "null", 400);

		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM reorder_reminder WHERE customer_id = ?",
				Integer.class, this.company)).isZero();
		assertThat(suggestions(buyer()).size()).isEqualTo(1);
	}

	@Test
	void receiversAndCustomerServiceGetNoSuggestions() throws Exception {
		assertThat(this.mvc.perform(get("/api/reorder-suggestions").with(mikko())).andReturn().getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(this.mvc.perform(get("/api/reorder-suggestions").with(sara())).andReturn().getResponse()
			.getStatus()).isEqualTo(403);
	}

	private JwtRequestPostProcessor buyer() {
		return token("tiina", this.company, List.of(), "ORDERER");
	}

	/** Orders of the company's site, placed the given numbers of days ago and accepted. */
	private void orderedDaysAgo(int... days) throws Exception {
		for (int ago : days) {
			MvcResult placed = place(buyer(), UUID.randomUUID().toString(), orderBody("PO-" + ago, this.site));
			assertThat(placed.getResponse().getStatus()).as(placed.getResponse().getContentAsString()).isEqualTo(202);
			UUID id = UUID.fromString(read(placed).get("id").asString());
			this.jdbc.update(
					"UPDATE customer_order SET placed_at = now() - ?::interval, status = 'ACCEPTED' WHERE id = ?",
					Duration.ofDays(ago).toDays() + " days", id);
		}
	}

	private static LocalDate daysAgo(int days) {
		return LocalDate.now(java.time.ZoneId.of("Europe/Helsinki")).minusDays(days);
	}

	private JsonNode suggestions(JwtRequestPostProcessor caller) throws Exception {
		MvcResult result = this.mvc.perform(get("/api/reorder-suggestions").with(caller)).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
		return read(result).get("items");
	}

	private void answer(JwtRequestPostProcessor caller, UUID site, String body, int expected) throws Exception {
		MvcResult result = this.mvc
			.perform(put("/api/reorder-suggestions/{site}/{sku}", site, "CEM-25KG").with(caller)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(expected);
	}
}
