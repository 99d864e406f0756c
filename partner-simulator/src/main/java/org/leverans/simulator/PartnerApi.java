package org.leverans.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public partner API as a carrier's own integration uses it: a token from the auth-server with the client
 * credentials grant, then the manifest and the events endpoint through the gateway.
 */
final class PartnerApi {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int PAGE_SIZE = 200;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI gateway;

	private final URI tokenEndpoint;

	private final String secret;

	private final Map<String, Token> tokens = new ConcurrentHashMap<>();

	PartnerApi(URI gateway, URI tokenEndpoint, String secret) {
		this.gateway = gateway;
		this.tokenEndpoint = tokenEndpoint;
		this.secret = secret;
	}

	/** Every page of the carrier's shipments in this status. */
	List<ManifestShipment> manifest(String carrier, String status) throws IOException, InterruptedException {
		List<ManifestShipment> shipments = new ArrayList<>();
		for (int page = 0;; page++) {
			JsonNode body = JSON.readTree(send(carrier, HttpRequest.newBuilder(this.gateway.resolve(
					"/api/partner/v1/shipments?status=" + status + "&page=" + page + "&size=" + PAGE_SIZE)).GET(), 200));
			for (JsonNode item : body.get("items")) {
				shipments.add(new ManifestShipment(UUID.fromString(item.get("id").asString()),
						item.get("trackingNumber").asString(), UUID.fromString(item.get("siteId").asString()),
						item.get("countryCode").asString()));
			}
			if ((long) (page + 1) * PAGE_SIZE >= body.get("total").asLong()) {
				return shipments;
			}
		}
	}

	/** Posts a batch; returns the per-item outcome. */
	JsonNode post(String carrier, List<Map<String, Object>> events) throws IOException, InterruptedException {
		String body = JSON.writeValueAsString(Map.of("events", events));
		return JSON.readTree(send(carrier, HttpRequest.newBuilder(this.gateway.resolve("/api/partner/v1/shipment-events"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)), 202));
	}

	private String send(String carrier, HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(request.copy()
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token(carrier))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() == 401) {
			// expired or the auth-server restarted with new keys: one fresh token, one more try
			this.tokens.remove(carrier);
			response = this.http.send(request.copy()
				.timeout(Duration.ofSeconds(30))
				.header("Authorization", "Bearer " + token(carrier))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		if (response.statusCode() != expected) {
			throw new IOException(response.request().method() + " " + response.uri() + " answered "
					+ response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	private String token(String carrier) throws IOException, InterruptedException {
		Token cached = this.tokens.get(carrier);
		if (cached != null && cached.expiresAt().isAfter(Instant.now().plusSeconds(30))) {
			return cached.value();
		}
		String basic = Base64.getEncoder()
			.encodeToString((encode(carrier) + ":" + encode(this.secret)).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(this.tokenEndpoint)
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException("No token for " + carrier + ": " + response.statusCode() + " " + response.body());
		}
		JsonNode body = JSON.readTree(response.body());
		Token token = new Token(body.get("access_token").asString(),
				Instant.now().plusSeconds(body.path("expires_in").asLong(300)));
		this.tokens.put(carrier, token);
		return token.value();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private record Token(String value, Instant expiresAt) {
	}
}
