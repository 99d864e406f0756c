package org.leverans.drill;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.leverans.bench.load.Tokens;
import org.leverans.drill.load.OrderLoad;

/**
 * Orders the credit bureau must be asked about: Bygg AB's, whose rating credit-service has not cached (the drill's
 * load is Rakennus Oy's). Placed while the bureau is down, each must end in the credit review queue ({@code ON_HOLD},
 * {@code BUREAU_UNAVAILABLE}), never rejected.
 */
final class ReviewOrders {

	private static final int ORDERS = 3;

	private static final Pattern ORDER_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	/** Bygg AB's one site, Stockholm (Hammarby); its agreement ships whole orders only, on pallets, 07–10 or 10–14. */
	private static final String HAMMARBY = "22222222-0000-0000-0000-000000000001";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI gateway;

	private final Tokens tokens;

	ReviewOrders(URI gateway, Tokens tokens) {
		this.gateway = gateway;
		this.tokens = tokens;
	}

	/** Places a few Bygg AB orders, two seconds apart; returns those the gateway took. */
	List<UUID> placeWhileTheBureauIsAway(List<String> notes) throws Exception {
		String token = this.tokens.of("bygg-erp");
		List<UUID> placed = new ArrayList<>();
		for (int n = 0; n < ORDERS; n++) {
			String body = """
					{"purchaseOrderNumber":"DRILL-REVIEW-%d","deliveryMode":"COMPLETE",\
					"requestedDelivery":{"date":"%s","from":"07:00","to":"10:00"},\
					"lines":[{"sku":"CEM-25KG","quantity":10,"packageSize":"PALLET","siteId":"%s"}]}"""
				.formatted(n, OrderLoad.deliveryDate(), HAMMARBY);
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(this.gateway.resolve("/api/orders"))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.header("Authorization", "Bearer " + token)
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			Matcher id = ORDER_ID.matcher(response.body());
			if (response.statusCode() == 202 && id.find()) {
				placed.add(UUID.fromString(id.group(1)));
			}
			Thread.sleep(2000);
		}
		notes.add(placed.size() + " of " + ORDERS + " Bygg AB orders placed while the bureau was down");
		return placed;
	}
}
