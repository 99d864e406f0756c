package org.leverans.delivery.report;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.delivery.DeliveryIntegrationTest;
import org.leverans.delivery.TestOrders;
import org.leverans.delivery.shipment.Shipment;
import org.leverans.testsupport.hostile.HostileQueries;
import org.leverans.testsupport.hostile.HostileRequests;
import org.leverans.testsupport.security.TestCaller;
import org.leverans.testsupport.security.TestJwts;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class OnTimeReportIntegrationTest extends DeliveryIntegrationTest {

	static final String CARRIER = "nordic-freight";

	@Test
	void measuresArrivalsAgainstTheWindowShownTheDayBeforeBySiteAndByCarrier() throws Exception {
		Delivered delivered = twoDeliveries();
		RequestPostProcessor manager = manager(delivered.customerId());

		this.mvc.perform(get("/api/reports/on-time-delivery?from={m}&to={m}", delivered.month(), delivered.month())
			.with(manager))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.by").value("site"))
			.andExpect(jsonPath("$.rows", hasSize(2)))
			.andExpect(jsonPath("$.rows[?(@.key == '%s')].onTime", delivered.punctualSite()).value(contains(1)))
			.andExpect(jsonPath("$.rows[?(@.key == '%s')].rate", delivered.punctualSite()).value(contains(1.0)))
			.andExpect(jsonPath("$.rows[?(@.key == '%s')].delivered", delivered.earlySite()).value(contains(1)))
			.andExpect(jsonPath("$.rows[?(@.key == '%s')].onTime", delivered.earlySite()).value(contains(0)));
		this.mvc.perform(get("/api/reports/on-time-delivery?by=carrier&from={m}&to={m}", delivered.month(),
				delivered.month())
			.with(manager))
			.andExpect(jsonPath("$.rows", hasSize(1)))
			.andExpect(jsonPath("$.rows[0].key").value(CARRIER))
			.andExpect(jsonPath("$.rows[0].delivered").value(2))
			.andExpect(jsonPath("$.rows[0].onTime").value(1))
			.andExpect(jsonPath("$.rows[0].rate").value(0.5));
		this.mvc.perform(get("/api/reports/on-time-delivery?by=carrier&from={m}&to={m}&siteId={site}",
				delivered.month(), delivered.month(), delivered.punctualSite())
			.with(manager))
			.andExpect(jsonPath("$.rows[0].delivered").value(1))
			.andExpect(jsonPath("$.rows[0].rate").value(1.0));
		this.mvc.perform(get("/api/reports/on-time-delivery?from=2001-01&to=2001-12").with(manager))
			.andExpect(jsonPath("$.rows", hasSize(0)));
	}

	@Test
	void showsAnAgreementManagerTheirOwnCompanysShipmentsOnlyWhateverCustomerTheyName() throws Exception {
		Delivered delivered = twoDeliveries();
		String query = "/api/reports/on-time-delivery?from=%s&to=%s&customerId=%s".formatted(delivered.month(),
				delivered.month(), delivered.customerId());

		this.mvc.perform(get(query).with(manager(UUID.randomUUID())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows", hasSize(0)));
		this.mvc.perform(get(query).with(role("CUSTOMER_SERVICE")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows", hasSize(2)));
		this.mvc.perform(get(query).with(buyer(delivered.customerId())))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("urn:leverans:problem:forbidden"));
		this.mvc.perform(get(query).with(carrier(CARRIER))).andExpect(status().isForbidden());
	}

	@Test
	void refusesBadParametersAsAProblem() throws Exception {
		for (String query : new String[] { "from=2026-13", "from=2026-05&to=2026-01", "by=month", "format=pdf",
				"from=2020-01&to=2026-01", "siteId=not-an-id", "group=CEMENT" }) {
			this.mvc.perform(get("/api/reports/on-time-delivery?" + query).with(manager(UUID.randomUUID())))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		}
	}

	@Test
	void survivesHostileQueries() {
		HostileRequests.assertSafeQueries(HostileQueries.of("by=carrier&from=2026-01&to=2026-12&siteId="
				+ UUID.randomUUID() + "&customerId=" + UUID.randomUUID() + "&format=csv"), 40,
				query -> this.mvc.perform(get(URI.create("/api/reports/on-time-delivery?" + query))
					.with(manager(UUID.randomUUID()))));
	}

	@Test
	void downloadsTheReportAsCsvWithAHeaderRow() throws Exception {
		Delivered delivered = twoDeliveries();

		this.mvc.perform(get("/api/reports/on-time-delivery?by=carrier&format=csv&from={m}&to={m}", delivered.month(),
				delivered.month())
			.with(manager(delivered.customerId())))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(header().string("Content-Disposition", startsWith("attachment; filename=\"on-time-delivery-")))
			.andExpect(content().string(startsWith("key,name,delivered,onTime,rate\n")))
			.andExpect(content().string(containsString("\n" + CARRIER + "," + CARRIER + ",2,1,0.500\n")));
		// quoted only where CSV needs it: an id and a name with a space read as they are
		String site = delivered.punctualSite().toString();
		this.mvc.perform(get("/api/reports/on-time-delivery?by=site&format=csv&from={m}&to={m}", delivered.month(),
				delivered.month())
			.with(manager(delivered.customerId())))
			.andExpect(content().string(containsString("\n" + site + ",Site " + site.substring(30) + ",1,1,1.000\n")));
	}

	/**
	 * Two shipments of a new customer to two sites, planned days ahead. The punctual one arrives inside its planned
	 * window, although an ETA two hours before moved its window later; the early one arrives an hour after
	 * planning, with no window shown a day before, and misses the first window it showed.
	 */
	private Delivered twoDeliveries() throws Exception {
		UUID customerId = UUID.randomUUID();
		LocalDate requested = LocalDate.now(ZoneId.of("Europe/Helsinki")).plusDays(3);
		List<Shipment> planned = plan(TestOrders.order(customerId, DeliveryMode.SPLIT_ALLOWED, requested)
			.line(UUID.randomUUID(), "FI", null)
			.line(UUID.randomUUID(), "FI", null)
			.accepted(), 2).stream().sorted(Comparator.comparing(Shipment::id)).toList();
		Shipment early = planned.get(0);
		Shipment punctual = planned.get(1);

		Instant earlyArrival = this.clock.instant().plus(Duration.ofHours(1));
		at(earlyArrival);
		send(early, "DELIVERED", earlyArrival, null);

		Instant arrival = punctual.window().from().plus(Duration.ofMinutes(30));
		at(arrival.minus(Duration.ofHours(2)));
		send(punctual, "ETA_UPDATED", this.clock.instant(), punctual.window().to().plus(Duration.ofHours(3)));
		at(arrival);
		send(punctual, "DELIVERED", arrival, null);
		return new Delivered(customerId, punctual.siteId(), early.siteId(),
				YearMonth.from(arrival.atZone(punctual.zone())).toString());
	}

	private void at(Instant instant) {
		this.clock.advance(Duration.between(this.clock.instant(), instant));
	}

	private void send(Shipment shipment, String type, Instant occurredAt, Instant eta) throws Exception {
		String etaField = (eta != null) ? ",\"eta\":\"" + eta + "\"" : "";
		this.mvc.perform(post("/api/partner/v1/shipment-events").with(carrier(CARRIER))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"eventId\":\"%s\",\"shipmentId\":\"%s\",\"type\":\"%s\",\"occurredAt\":\"%s\"%s}"
				.formatted(UUID.randomUUID(), shipment.id(), type, occurredAt, etaField)))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.accepted").value(1));
	}

	private static RequestPostProcessor manager(UUID customerId) {
		return TestJwts.jwt(TestCaller.agreementManager("maria", customerId));
	}

	record Delivered(UUID customerId, UUID punctualSite, UUID earlySite, String month) {
	}
}
