package org.leverans.delivery.shipment;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.contracts.order.OrderAccepted;
import org.leverans.delivery.DeliveryIntegrationTest;
import org.leverans.delivery.TestOrders;

import org.springframework.http.MediaType;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ShipmentViewsIntegrationTest extends DeliveryIntegrationTest {

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Helsinki"));

	@Test
	void shipmentIsVisibleToItsBuyerReceiverCarrierAndSupportButNotToOthers() throws Exception {
		UUID site = UUID.randomUUID();
		OrderAccepted order = TestOrders.order(TestOrders.RAKENNUS, DeliveryMode.SPLIT_ALLOWED, TODAY.plusDays(1))
			.line(site, "FI", null)
			.accepted();
		Shipment shipment = plan(order, 1).getFirst();

		this.mvc.perform(get("/api/shipments/{id}", shipment.id()).with(buyer(TestOrders.RAKENNUS)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(shipment.id().toString()))
			.andExpect(jsonPath("$.orderId").value(order.orderId().toString()))
			.andExpect(jsonPath("$.status").value("PLANNED"))
			.andExpect(jsonPath("$.carrier").value("nordic-freight"))
			.andExpect(jsonPath("$.trackingNumber").value(shipment.trackingNumber()))
			.andExpect(jsonPath("$.siteId").value(site.toString()))
			.andExpect(jsonPath("$.window.basis").value("PLANNED"))
			.andExpect(jsonPath("$.window.from").value(shipment.window().from().toString()))
			.andExpect(jsonPath("$.window.updatedAt").exists())
			.andExpect(jsonPath("$.lines[0].sku").value("SKU-1"))
			.andExpect(jsonPath("$.lines[0].quantity").value(10))
			.andExpect(jsonPath("$.events", hasSize(0)));
		this.mvc.perform(get("/api/shipments/{id}", shipment.id()).with(receiver(site))).andExpect(status().isOk());
		this.mvc.perform(get("/api/shipments/{id}", shipment.id()).with(carrier("nordic-freight")))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/shipments/{id}", shipment.id()).with(role("CUSTOMER_SERVICE")))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/shipments/{id}", shipment.id()).with(role("ADMIN"))).andExpect(status().isOk());

		this.mvc.perform(get("/api/shipments/{id}", shipment.id()).with(receiver(UUID.randomUUID())))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404));
		this.mvc.perform(get("/api/shipments/{id}", shipment.id()).with(buyer(TestOrders.BYGG)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/shipments/{id}", shipment.id()).with(carrier("baltic-haulage")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/shipments/{id}", shipment.id())).andExpect(status().isUnauthorized());
	}

	@Test
	void listsAnOrdersShipmentsOnlyToThoseWhoMaySeeThem() throws Exception {
		UUID site = UUID.randomUUID();
		UUID otherSite = UUID.randomUUID();
		OrderAccepted order = TestOrders.order(TestOrders.RAKENNUS, DeliveryMode.SPLIT_ALLOWED, TODAY.plusDays(1))
			.line(site, "FI", null)
			.line(otherSite, "FI", null)
			.accepted();
		plan(order, 2);

		this.mvc.perform(get("/api/shipments").param("orderId", order.orderId().toString()).with(buyer(TestOrders.RAKENNUS)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(2)));
		this.mvc.perform(get("/api/shipments").param("orderId", order.orderId().toString()).with(receiver(site)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].siteId").value(contains(site.toString())));
		this.mvc.perform(get("/api/shipments").param("orderId", order.orderId().toString()).with(buyer(TestOrders.BYGG)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(0)));
		this.mvc.perform(get("/api/shipments").param("orderId", "not-a-uuid").with(role("CUSTOMER_SERVICE")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:leverans:problem:invalid-request"))
			.andExpect(jsonPath("$.errors[0].field").value("orderId"));
		this.mvc.perform(get("/api/shipments").with(role("CUSTOMER_SERVICE")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("orderId"));
	}

	@Test
	void receiverSeesTodaysAndUpcomingArrivalsAtTheirSitesSoonestFirst() throws Exception {
		UUID site = UUID.randomUUID();
		UUID elsewhere = UUID.randomUUID();
		OrderAccepted upcoming = TestOrders.order(TestOrders.RAKENNUS, DeliveryMode.SPLIT_ALLOWED, TODAY.plusDays(3))
			.line(site, "FI", null)
			.accepted();
		OrderAccepted today = TestOrders.order(TestOrders.RAKENNUS, DeliveryMode.SPLIT_ALLOWED, TODAY)
			.line(site, "FI", null)
			.line(elsewhere, "FI", null)
			.accepted();
		OrderAccepted past = TestOrders.order(TestOrders.RAKENNUS, DeliveryMode.SPLIT_ALLOWED, TODAY.minusDays(2))
			.line(site, "FI", null)
			.accepted();
		Shipment later = plan(upcoming, 1).getFirst();
		Shipment soon = plan(today, 2).stream().filter(s -> s.siteId().equals(site)).findFirst().orElseThrow();
		plan(past, 1);

		this.mvc.perform(get("/api/receiver/arrivals").with(receiver(site)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id").value(contains(soon.id().toString(), later.id().toString())))
			.andExpect(jsonPath("$.items[0].window.basis").value("PLANNED"))
			.andExpect(jsonPath("$.items[0].lines", hasSize(1)));
		this.mvc.perform(get("/api/receiver/arrivals").with(buyer(TestOrders.RAKENNUS))).andExpect(status().isForbidden());
	}

	@Test
	void publishesItsOpenApiDocumentWithoutAToken() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/partner/v1/shipment-events']").exists())
			.andExpect(jsonPath("$.paths['/api/shipments/{id}']").exists());
	}
}
