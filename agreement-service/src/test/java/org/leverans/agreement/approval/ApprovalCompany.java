package org.leverans.agreement.approval;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

import org.leverans.contracts.order.DeliveryMode;
import org.leverans.contracts.order.OrderLine;
import org.leverans.contracts.order.OrderPlaced;
import org.leverans.contracts.order.RequestedDelivery;
import org.leverans.testsupport.security.TestCaller;
import org.leverans.testsupport.security.TestJwts;
import org.leverans.web.security.JwtRoles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A company of its own for each test, created through the admin API: a customer with one site, an agreement
 * (cement at 8.10, free freight from 1000.00, else 80.00) and two members, the agreement manager {@code boss} and
 * the orderer {@code olli}. Limits set on it never touch the demo customers the other tests order for.
 */
record ApprovalCompany(UUID customerId, UUID siteId, UUID agreementId) {

	static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

	static ApprovalCompany create(MockMvc mvc, JsonMapper json) throws Exception {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		JsonNode customer = json.readTree(mvc.perform(post("/api/admin/customers").with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"Limit %s Oy","businessId":"FI%s","countryCode":"FI","timeZone":"Europe/Helsinki",
					 "sites":[{"name":"Site Espoo","street":"Keilaranta 1","postalCode":"02150","city":"Espoo",
					           "countryCode":"FI","receiverName":"Ville Virta","receiverPhone":"+358 40 000 0000"}]}"""
				.formatted(unique, unique)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
		UUID customerId = UUID.fromString(customer.get("id").asString());
		UUID siteId = UUID.fromString(customer.get("sites").get(0).get("id").asString());
		JsonNode agreement = json.readTree(mvc.perform(post("/api/admin/agreements").with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"customerId":"%s","currency":"EUR","validFrom":"%s","terms":{
					 "paymentTerms":{"code":"NET_30","days":30},
					 "freightTerms":{"code":"FREE_OVER","threshold":"1000.00","fee":"80.00"},
					 "deliveryOptions":{"splitDeliveryAllowed":true,"multipleSitesAllowed":false,
					                    "packageSizes":["PALLET"],"minLeadTimeDays":1,"slots":[{"from":"07:00","to":"12:00"}]},
					 "siteIds":["%s"],"contractPrices":[{"sku":"CEM-25KG","price":"8.10"}],"groupDiscounts":[]}}"""
				.formatted(customerId, today().minusDays(40), siteId)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
		UUID agreementId = UUID.fromString(agreement.get("id").asString());
		for (String member : new String[] { "{\"username\":\"boss\",\"name\":\"Bo Boss\",\"role\":\"AGREEMENT_MANAGER\"}",
				"{\"username\":\"olli\",\"name\":\"Olli Orderer\",\"role\":\"ORDERER\"}" }) {
			mvc.perform(post("/api/admin/agreements/{id}/members", agreementId).with(admin())
				.contentType(MediaType.APPLICATION_JSON)
				.content(member)).andExpect(status().isCreated());
		}
		return new ApprovalCompany(customerId, siteId, agreementId);
	}

	JwtRequestPostProcessor boss() {
		return token("boss", this.customerId, "AGREEMENT_MANAGER");
	}

	JwtRequestPostProcessor olli() {
		return token("olli", this.customerId, "ORDERER");
	}

	/** olli orders {@code bags} of cement at 8.10 to the company's site, free of freight from 124 bags up. */
	OrderPlaced order(int bags) {
		return order("olli", bags);
	}

	OrderPlaced order(String orderer, int bags) {
		UUID orderId = UUID.randomUUID();
		return new OrderPlaced(orderId, "LV-" + orderId.toString().substring(0, 6), this.customerId, orderer,
				Instant.now(), "PO-LIMIT", DeliveryMode.COMPLETE,
				new RequestedDelivery(today().plusDays(10), LocalTime.of(7, 0), LocalTime.of(9, 0)),
				java.util.List.of(new OrderLine(1, "CEM-25KG", bags, "PALLET", this.siteId)), null);
	}

	static LocalDate today() {
		return LocalDate.now(HELSINKI);
	}

	static JwtRequestPostProcessor admin() {
		return token("admin", null, "ADMIN");
	}

	static JwtRequestPostProcessor token(String subject, UUID customerId, String... roles) {
		return TestJwts.jwt(TestCaller.of(subject, roles).withCustomer(customerId)).authorities(JwtRoles.authorities());
	}
}
