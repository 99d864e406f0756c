package org.leverans.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/**
 * Places one-line orders through the gateway as an ERP integration does: a client-credentials token, a fresh
 * {@code Idempotency-Key} per order.
 */
public final class GatewayClient {

	/** Rakennus Oy's Jätkäsaari site (docs/development.md). */
	private static final String SITE = "11111111-0000-0000-0000-000000000001";

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.build();

	private final URI gateway;

	private final URI authServer;

	private final String client;

	private volatile String token;

	public GatewayClient(URI gateway, URI authServer, String client) {
		this.gateway = gateway;
		this.authServer = authServer;
		this.client = client;
	}

	/** Fetches a new access token; call again before it expires on long runs. */
	public void signIn() throws IOException, InterruptedException {
		this.token = tokenOf(this.client);
	}

	/**
	 * Lifts a customer's credit limit through the admin API, as the supplier's back office would, so that a long
	 * run measures throughput rather than the limit.
	 */
	public void raiseCreditLimit(UUID customer, String adminClient) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest
			.newBuilder(this.gateway.resolve("/api/admin/credit-accounts/" + customer + "/limit"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + tokenOf(adminClient))
			.PUT(HttpRequest.BodyPublishers.ofString("{\"limit\":1000000000000.00}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Could not raise the credit limit: " + response.statusCode() + " "
					+ response.body());
		}
	}

	private String tokenOf(String client) throws IOException, InterruptedException {
		return new Tokens(this.http, this.authServer).of(client);
	}

	/** Sends one order; the latency is measured from {@code dueNanos} ({@link System#nanoTime()}). */
	public CompletableFuture<Placement> placeOrder(int n, LocalDate deliveryDate, long dueNanos) {
		String body = """
				{"purchaseOrderNumber":"BENCH-%d","deliveryMode":"SPLIT_ALLOWED",\
				"requestedDelivery":{"date":"%s","from":"07:00","to":"09:00"},\
				"lines":[{"sku":"CEM-25KG","quantity":1,"packageSize":"PALLET","siteId":"%s"}]}"""
			.formatted(n, deliveryDate, SITE);
		HttpRequest request = HttpRequest.newBuilder(this.gateway.resolve("/api/orders"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, application/problem+json")
			.header("Authorization", "Bearer " + this.token)
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
			double latency = (System.nanoTime() - dueNanos) / 1e6;
			return (failure != null) ? Placement.unanswered(latency)
					: Placement.answered(response.statusCode(), latency, response.body());
		});
	}
}
