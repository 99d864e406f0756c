package org.leverans.bench.partner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.leverans.bench.load.Tokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A carrier's integration, as a logistics partner runs it: reads its manifest, posts what happened. */
public final class CarrierClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http;

	private final URI gateway;

	private final String token;

	public CarrierClient(HttpClient http, URI gateway, Tokens tokens, String carrier)
			throws IOException, InterruptedException {
		this.http = http;
		this.gateway = gateway;
		this.token = tokens.of(carrier);
	}

	/** One shipment of the carrier's manifest. */
	public record Shipment(UUID id, String trackingNumber) {
	}

	/** The carrier's shipments in one status, up to {@code limit}. */
	public List<Shipment> manifest(String status, int limit) throws IOException, InterruptedException {
		List<Shipment> found = new ArrayList<>();
		for (int page = 0; found.size() < limit; page++) {
			HttpResponse<String> response = this.http.send(HttpRequest
				.newBuilder(this.gateway.resolve("/api/partner/v1/shipments?status=" + status + "&size=200&page=" + page))
				.header("Authorization", "Bearer " + this.token)
				.header("Accept", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("Manifest: " + response.statusCode() + " " + response.body());
			}
			JsonNode body = JSON.readTree(response.body());
			for (JsonNode item : body.get("items")) {
				if (found.size() < limit) {
					found.add(new Shipment(UUID.fromString(item.get("id").asString()),
							item.get("trackingNumber").asString()));
				}
			}
			if ((page + 1) * 200L >= body.get("total").asLong()) {
				break;
			}
		}
		return found;
	}

	/** Posts a body of events; latency from {@code dueNanos} ({@link System#nanoTime()}). */
	public CompletableFuture<PartnerPost> post(EventBodies.Body body, long dueNanos) {
		int events = body.eventIds().size();
		HttpRequest request = HttpRequest.newBuilder(this.gateway.resolve("/api/partner/v1/shipment-events"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, application/problem+json")
			.header("Authorization", "Bearer " + this.token)
			.POST(HttpRequest.BodyPublishers.ofString(body.json()))
			.build();
		return this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
			double latency = (System.nanoTime() - dueNanos) / 1e6;
			if (failure != null) {
				return new PartnerPost(-1, latency, events, 0, 0, 0, body.eventIds());
			}
			if (response.statusCode() != 202) {
				return new PartnerPost(response.statusCode(), latency, events, 0, 0, 0, body.eventIds());
			}
			JsonNode answer = JSON.readTree(response.body());
			return new PartnerPost(202, latency, events, answer.get("accepted").asInt(),
					answer.get("duplicates").asInt(), answer.get("rejected").size(), body.eventIds());
		});
	}
}
