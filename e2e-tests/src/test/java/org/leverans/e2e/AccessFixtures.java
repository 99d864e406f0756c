package org.leverans.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;

/**
 * What the access matrix asks for: one thing of each kind per owner, made through the public API on the shared
 * platform, so that each actor has ids of their own and ids of another customer, another site, another carrier,
 * another orderer or another person. Who owns what follows the demo data (docs/demo.md).
 */
final class AccessFixtures implements AutoCloseable {

	static final String RAKENNUS = "11111111-1111-1111-1111-111111111111";

	static final String BYGG = "22222222-2222-2222-2222-222222222222";

	static final String KIVI = "33333333-3333-3333-3333-333333333333";

	static final String JATKASAARI = "11111111-0000-0000-0000-000000000001";

	static final String PASILA = "11111111-0000-0000-0000-000000000002";

	static final String STOCKHOLM = "22222222-0000-0000-0000-000000000001";

	static final String TAMPERE = "33333333-0000-0000-0000-000000000001";

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private final Map<String, List<Thing>> things = new LinkedHashMap<>();

	private final Map<String, Function<Actor, Thing>> makers = new LinkedHashMap<>();

	private final Map<String, String> trackingNumbers = new LinkedHashMap<>();

	private final HttpServer receiver;

	private AccessFixtures(HttpServer receiver) {
		this.receiver = receiver;
	}

	/**
	 * Orders of three customers at three sites (delivered and invoiced where the matrix needs invoices), a held order
	 * and its credit review, webhooks of two customers with a delivery each, follows of two people, and the demo
	 * data's agreements, sites, customers and products.
	 */
	static AccessFixtures make(RunningLeverans leverans, Map<String, Actor> actors) {
		AccessFixtures fixtures = new AccessFixtures(webhookReceiver());
		fixtures.build(leverans, actors);
		return fixtures;
	}

	private void build(RunningLeverans leverans, Map<String, Actor> actors) {
		Actor liisa = actors.get("liisa");
		Actor anna = actors.get("anna");
		Actor admin = actors.get("supplier-erp");
		Actor supportDesk = actors.get("support-desk");
		Actor sara = actors.get("sara");
		String receiverUrl = "http://localhost:" + this.receiver.getAddress().getPort() + "/events";

		// Webhooks first, so the orders below give each a delivery.
		String rakennusHook = created(liisa.send("POST", "/api/webhooks",
				json(Map.of("url", receiverUrl, "events", List.of("order.status-changed"), "description",
						"access matrix"))));
		String byggHook = created(admin.send("POST", "/api/webhooks", json(Map.of("url", receiverUrl, "events",
				List.of("order.status-changed"), "customerId", BYGG, "description", "access matrix"))));

		CompletableFuture<Placed> atJatkasaari = async(
				() -> deliver(leverans, actors.get("rakennus-erp"), "CEM-25KG", JATKASAARI, "SPLIT_ALLOWED", true));
		CompletableFuture<Placed> atPasila = async(() -> deliver(leverans, anna, "CEM-25KG", PASILA,
				"SPLIT_ALLOWED", true));
		CompletableFuture<Placed> inStockholm = async(
				() -> deliver(leverans, actors.get("bygg-erp"), "CEM-25KG", STOCKHOLM, "COMPLETE", true));
		CompletableFuture<Placed> held = async(
				() -> deliver(leverans, actors.get("kivi-erp"), "TILE-ADH-20KG", TAMPERE, "SPLIT_ALLOWED", false));

		String creditAccount = UUID.randomUUID().toString();
		created(admin.send("POST", "/api/admin/credit-accounts", json(Map.of("customerId", creditAccount,
				"businessId", "FI0000000-0", "companyName", "Access Matrix Oy", "currency", "EUR", "limit", "0.00"))),
				"customerId");
		// Following customers no spec orders for, so no other spec's stream changes.
		String sarasFollow = created(sara.send("POST", "/api/subscriptions/follows",
				json(Map.of("customerId", UUID.randomUUID().toString()))));
		String deskFollow = created(supportDesk.send("POST", "/api/subscriptions/follows",
				json(Map.of("customerId", UUID.randomUUID().toString()))));

		Placed o1 = atJatkasaari.join();
		Placed o2 = atPasila.join();
		Placed o3 = inStockholm.join();
		Placed o4 = held.join();
		this.trackingNumbers.put("nordic-freight", o1.trackingNumber());
		this.trackingNumbers.put("baltic-haulage", o3.trackingNumber());

		add("order", "Rakennus's order to Jätkäsaari", Map.of("order", o1.orderId()),
				Owner.customer(RAKENNUS, JATKASAARI).carriedBy("nordic-freight"));
		add("order", "Rakennus's order to Pasila", Map.of("order", o2.orderId()),
				Owner.customer(RAKENNUS, PASILA).carriedBy("nordic-freight"));
		add("order", "Bygg's order", Map.of("order", o3.orderId()),
				Owner.customer(BYGG, STOCKHOLM).carriedBy("baltic-haulage"));
		add("order", "Kivi's held order", Map.of("order", o4.orderId()), Owner.customer(KIVI, TAMPERE));
		add("shipment", "Rakennus's shipment to Jätkäsaari", Map.of("shipment", o1.shipmentId()),
				Owner.customer(RAKENNUS, JATKASAARI).carriedBy("nordic-freight"));
		add("shipment", "Rakennus's shipment to Pasila", Map.of("shipment", o2.shipmentId()),
				Owner.customer(RAKENNUS, PASILA).carriedBy("nordic-freight"));
		add("shipment", "Bygg's shipment", Map.of("shipment", o3.shipmentId()),
				Owner.customer(BYGG, STOCKHOLM).carriedBy("baltic-haulage"));
		add("invoice", "Rakennus's invoice of rakennus-erp's order", Map.of("invoice", invoice(admin, o1)),
				Owner.customer(RAKENNUS, JATKASAARI).orderedBy("rakennus-erp"));
		add("invoice", "Rakennus's invoice of anna's order", Map.of("invoice", invoice(admin, o2)),
				Owner.customer(RAKENNUS, PASILA).orderedBy("anna"));
		add("invoice", "Bygg's invoice", Map.of("invoice", invoice(admin, o3)),
				Owner.customer(BYGG, STOCKHOLM).orderedBy("bygg-erp"));
		add("credit-review", "the review of Kivi's order", Map.of("credit-review", review(supportDesk, o4)),
				Owner.customer(KIVI, TAMPERE));

		Claimed rakennusClaim = claim(leverans.client("rakennus-erp"), o1, true);
		Claimed byggClaim = claim(leverans.client("bygg-erp"), o3, false);
		add("claim", "Rakennus's claim at Jätkäsaari", Map.of("claim", rakennusClaim.claimId()),
				Owner.customer(RAKENNUS, JATKASAARI));
		add("claim", "Bygg's claim", Map.of("claim", byggClaim.claimId()), Owner.customer(BYGG, STOCKHOLM));
		add("photo", "a photo of Rakennus's claim", Map.of("claim", rakennusClaim.claimId(), "photo",
				rakennusClaim.photoId()), Owner.customer(RAKENNUS, JATKASAARI));

		add("agreement", "Rakennus's agreement", Map.of("agreement", "a1111111-0000-0000-0000-000000000001"),
				Owner.customer(RAKENNUS));
		add("agreement", "Bygg's agreement", Map.of("agreement", "a2222222-0000-0000-0000-000000000001"),
				Owner.customer(BYGG));
		add("agreement", "Kivi's agreement", Map.of("agreement", "a3333333-0000-0000-0000-000000000001"),
				Owner.customer(KIVI));
		add("site", "Jätkäsaari (Rakennus)", Map.of("site", JATKASAARI), Owner.customer(RAKENNUS, JATKASAARI));
		add("site", "Pasila (Rakennus)", Map.of("site", PASILA), Owner.customer(RAKENNUS, PASILA));
		add("site", "Stockholm (Bygg)", Map.of("site", STOCKHOLM), Owner.customer(BYGG, STOCKHOLM));
		add("customer", "Rakennus", Map.of("customer", RAKENNUS), Owner.customer(RAKENNUS));
		add("credit-account", "the matrix's credit account", Map.of("credit-account", creditAccount),
				Owner.customer(creditAccount));
		add("product", "CEM-25KG", Map.of("product", "CEM-25KG"), Owner.nobodyInParticular());

		add("webhook", "Rakennus's webhook", Map.of("webhook", rakennusHook), Owner.customer(RAKENNUS));
		add("webhook", "Bygg's webhook", Map.of("webhook", byggHook), Owner.customer(BYGG));
		String rakennusDelivery = delivery(admin, rakennusHook);
		String byggDelivery = delivery(admin, byggHook);
		add("delivery", "a delivery of Rakennus's webhook", Map.of("webhook", rakennusHook, "delivery",
				rakennusDelivery), Owner.customer(RAKENNUS));
		add("delivery", "a delivery of Bygg's webhook", Map.of("webhook", byggHook, "delivery", byggDelivery),
				Owner.customer(BYGG));
		add("delivery", "Bygg's delivery under Rakennus's webhook", Map.of("webhook", rakennusHook, "delivery",
				byggDelivery), Owner.noOne());
		add("follow", "sara's follow", Map.of("follow", sarasFollow), Owner.person("sara"));
		add("follow", "support-desk's follow", Map.of("follow", deskFollow), Owner.person("support-desk"));

		// What a deleting or bodiless call acts on: a fresh one for each call that is let through.
		this.makers.put("webhook", actor -> {
			Map<String, Object> hook = new LinkedHashMap<>(Map.of("url", receiverUrl, "events",
					List.of("order.status-changed"), "description", "access matrix, short-lived"));
			if (actor.customer() == null) {
				hook.put("customerId", RAKENNUS);
			}
			return new Thing("webhook", "a new webhook", Map.of("webhook", created(actor.send("POST",
					"/api/webhooks", json(hook)))), Owner.customer(RAKENNUS));
		});
		this.makers.put("follow", actor -> new Thing("follow", "a new follow", Map.of("follow",
				created(actor.send("POST", "/api/subscriptions/follows",
						json(Map.of("customerId", UUID.randomUUID().toString()))))), Owner.person(actor.subject())));
		this.makers.put("member", actor -> {
			String username = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
			String agreement = "a1111111-0000-0000-0000-000000000001";
			created(actor.send("POST", "/api/admin/agreements/" + agreement + "/members",
					json(Map.of("username", username, "name", "Access Matrix", "role", "ORDERER"))), "username");
			return new Thing("member", "a new member", Map.of("agreement", agreement, "member", username),
					Owner.customer(RAKENNUS));
		});
	}

	List<Thing> of(String kind) {
		return this.things.getOrDefault(kind, List.of());
	}

	Function<Actor, Thing> maker(String kind) {
		return this.makers.get(kind);
	}

	/** Kinds the matrix can give ids of, made here or on demand. */
	Set<String> kinds() {
		Set<String> kinds = new LinkedHashSet<>(this.things.keySet());
		kinds.addAll(this.makers.keySet());
		return kinds;
	}

	/** The tracking number of a shipment {@code carrier} carries, for ids that travel in a request body. */
	String trackingNumberCarriedBy(String carrier) {
		return this.trackingNumbers.get(carrier);
	}

	private void add(String kind, String label, Map<String, String> ids, Owner owner) {
		this.things.computeIfAbsent(kind, k -> new ArrayList<>()).add(new Thing(kind, label, ids, owner));
	}

	/**
	 * An order placed by {@code orderer}; unless it is to wait for credit review, accepted, planned, picked up and
	 * delivered by its carrier, so that billing invoices it.
	 */
	private Placed deliver(RunningLeverans leverans, Actor orderer, String sku, String site, String deliveryMode,
			boolean delivered) {
		Map<String, Object> order = new LinkedHashMap<>();
		order.put("purchaseOrderNumber", "PO-ACCESS-" + UUID.randomUUID().toString().substring(0, 8));
		order.put("deliveryMode", deliveryMode);
		order.put("requestedDelivery", Map.of("date", OrderToDeliveryIT.workingDayInAWeek().toString(), "from", "07:00",
				"to", "09:00"));
		order.put("lines", List.of(Map.of("sku", sku, "quantity", 2, "packageSize", "PALLET", "siteId", site)));
		Api.Response placed = orderer.send("POST", "/api/orders", json(order),
				Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(placed.status()).as(placed.toString()).isEqualTo(202);
		String orderId = placed.json().get("id").asString();
		Api reader = leverans.client("supplier-erp");
		if (!delivered) {
			Orders.awaitStatus(reader, orderId, "ON_HOLD");
			return new Placed(orderId, null, null);
		}
		JsonNode shipment = Orders.awaitShipment(reader, orderId);
		String carrier = shipment.get("carrier").asString();
		String trackingNumber = shipment.get("trackingNumber").asString();
		Instant now = Instant.now();
		Api.Response reported = leverans.client(carrier).post("/api/partner/v1/shipment-events", Map.of("events",
				List.of(OrderToDeliveryIT.partnerEvent("access-" + UUID.randomUUID(), trackingNumber, "PICKED_UP",
						now.minusSeconds(60), null),
						OrderToDeliveryIT.partnerEvent("access-" + UUID.randomUUID(), trackingNumber, "DELIVERED", now,
								null))));
		assertThat(reported.status()).as(reported.toString()).isEqualTo(202);
		return new Placed(orderId, shipment.get("id").asString(), trackingNumber);
	}

	private static String invoice(Actor reader, Placed order) {
		String[] id = new String[1];
		await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
			JsonNode list = reader.send("GET", "/api/invoices?order=" + order.orderId(), null).json();
			assertThat(list.get("items")).as(list.toString()).hasSize(1);
			id[0] = list.get("items").get(0).get("id").asString();
		});
		return id[0];
	}

	private static String review(Actor reader, Placed order) {
		String[] id = new String[1];
		await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
			JsonNode queue = reader.send("GET", "/api/support/credit-reviews", null).json();
			id[0] = queue.get("items")
				.valueStream()
				.filter(item -> item.get("orderId").asString().equals(order.orderId()))
				.map(item -> item.get("id").asString())
				.findFirst()
				.orElse(null);
			assertThat(id[0]).as("review of " + order.orderId() + " in " + queue).isNotNull();
		});
		return id[0];
	}

	private static String delivery(Actor reader, String webhook) {
		String[] id = new String[1];
		await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
			JsonNode log = reader.send("GET", "/api/webhooks/" + webhook + "/deliveries", null).json();
			assertThat(log.get("items")).as(log.toString()).isNotEmpty();
			id[0] = log.get("items").get(0).get("id").asString();
		});
		return id[0];
	}

	private static String created(Api.Response response) {
		return created(response, "id");
	}

	private static String created(Api.Response response, String field) {
		assertThat(response.status()).as(response.toString()).isIn(200, 201);
		return response.json().get(field).asString();
	}

	static String json(Object body) {
		return Api.json.writeValueAsString(body);
	}

	/** On a thread of its own: the common pool of a 2-core machine runs one task at a time. */
	private static <T> CompletableFuture<T> async(Supplier<T> work) {
		return CompletableFuture.supplyAsync(work, task -> Thread.ofVirtual().start(task));
	}

	/** Answers every webhook delivery with 204, so deliveries succeed and nothing retries behind the specs' backs. */
	private static HttpServer webhookReceiver() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
			server.createContext("/", exchange -> {
				exchange.getRequestBody().readAllBytes();
				exchange.sendResponseHeaders(204, -1);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.receiver.stop(0);
	}

	private record Placed(String orderId, String shipmentId, String trackingNumber) {
	}

	/**
	 * Something an id names.
	 * @param ids the value of each kind its path takes ({@code webhook} and {@code delivery} for a delivery)
	 */
	/** A claim about one unit of the placed order's delivered shipment, with a photo when asked. */
	private static Claimed claim(Api buyer, Placed placed, boolean withPhoto) {
		Map<String, Object> claim = Map.of("shipmentId", placed.shipmentId(), "reason", "DAMAGED", "description",
				"access matrix", "lines", List.of(Map.of("lineNo", 1, "quantity", 1)));
		Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
		// order-service learns of the delivery from delivery-service's event, a moment after the carrier reported it.
		Api.Response[] filed = new Api.Response[1];
		await().atMost(PATIENCE).until(() -> {
			filed[0] = buyer.post("/api/orders/" + placed.orderId() + "/claims", claim, key);
			return filed[0].status() != 409;
		});
		String claimId = created(filed[0]);
		String photoId = withPhoto ? created(buyer.upload("/api/claims/" + claimId + "/photos", Photos.png(),
				"image/png")) : null;
		return new Claimed(claimId, photoId);
	}

	private record Claimed(String claimId, String photoId) {
	}

	record Thing(String kind, String label, Map<String, String> ids, Owner owner) {

		@Override
		public String toString() {
			return this.label;
		}
	}

	/**
	 * Whose a thing is, and so who may see it, as docs/api.md's "Who sees what" says: staff see every customer's,
	 * buyers their own company's, receivers their own sites', carriers what they carry; an orderer sees only the
	 * invoices of orders they placed; a follow is its person's alone.
	 */
	record Owner(String customer, Set<String> sites, String carrier, String orderer, String person, boolean nobody) {

		static Owner customer(String customer, String... sites) {
			return new Owner(customer, Set.of(sites), null, null, null, false);
		}

		static Owner person(String subject) {
			return new Owner(null, Set.of(), null, null, subject, false);
		}

		/** Reference data such as a product: no customer's, for the roles that may read it at all. */
		static Owner nobodyInParticular() {
			return new Owner(null, Set.of(), null, null, null, false);
		}

		/** An impossible combination (one webhook's delivery under another's path): nobody's at all. */
		static Owner noOne() {
			return new Owner(null, Set.of(), null, null, null, true);
		}

		Owner carriedBy(String code) {
			return new Owner(this.customer, this.sites, code, this.orderer, this.person, this.nobody);
		}

		Owner orderedBy(String subject) {
			return new Owner(this.customer, this.sites, this.carrier, subject, this.person, this.nobody);
		}

		/** Why {@code actor} may not see it, or {@code null} when they may. */
		String hiddenFrom(Actor actor) {
			if (this.nobody) {
				return "nobody's";
			}
			if (this.person != null) {
				return this.person.equals(actor.subject()) ? null : "another person's";
			}
			if (actor.isStaff() || this.customer == null) {
				return null;
			}
			if (actor.has(AccessRules.CARRIER) && actor.customer() == null) {
				return actor.carrier().equals(this.carrier) ? null : "another carrier's";
			}
			if (!this.customer.equals(actor.customer())) {
				return "another customer's";
			}
			boolean buyer = actor.has(AccessRules.ORDERER) || actor.has(AccessRules.AGREEMENT_MANAGER);
			if (!buyer && !this.sites.isEmpty() && this.sites.stream().noneMatch(actor.sites()::contains)) {
				return "another site's";
			}
			if (this.orderer != null && !actor.has(AccessRules.AGREEMENT_MANAGER)
					&& !this.orderer.equals(actor.subject())) {
				return "another orderer's";
			}
			return null;
		}
	}
}
