package org.leverans.drill.watch;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.leverans.bench.load.Tokens;

/**
 * A customer's system receiving Leverans webhooks, as the drill's witness of at-least-once delivery: it registers
 * itself for Rakennus Oy's order status changes and answers every call 204. A message may come more than once under
 * its {@code webhook-id} (that is what the id is for); the same change under two ids is doubled.
 */
public final class WebhookReceiver implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PATH = "/drill-webhooks";

	private final HttpServer server;

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final HttpClient http;

	private final URI gateway;

	private final String adminToken;

	private volatile String endpointId;

	private WebhookReceiver(HttpServer server, HttpClient http, URI gateway, String adminToken) {
		this.server = server;
		this.http = http;
		this.gateway = gateway;
		this.adminToken = adminToken;
	}

	/**
	 * Listens on a free local port and registers that address as a webhook endpoint of {@code customer}, through the
	 * gateway as the supplier's back office ({@code supplier-erp}).
	 */
	public static WebhookReceiver register(HttpClient http, URI gateway, Tokens tokens, UUID customer)
			throws IOException, InterruptedException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		WebhookReceiver receiver = new WebhookReceiver(server, http, gateway, tokens.of("supplier-erp"));
		server.createContext(PATH, receiver::receive);
		server.start();
		try {
			receiver.registerFor(customer);
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			server.stop(0);
			throw ex;
		}
		return receiver;
	}

	private void registerFor(UUID customer) throws IOException, InterruptedException {
		String body = JSON.writeValueAsString(Map.of("customerId", customer.toString(), "url",
				"http://localhost:" + this.server.getAddress().getPort() + PATH, "events",
				List.of("order.status-changed"), "description", "fault drill"));
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(this.gateway.resolve("/api/webhooks"))
			.header("Authorization", "Bearer " + this.adminToken)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201) {
			throw new IllegalStateException("Could not register the drill's webhook: " + response.statusCode() + " "
					+ response.body());
		}
		this.endpointId = JSON.readTree(response.body()).get("id").asString();
	}

	private void receive(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			byte[] body = in.readAllBytes();
			String id = exchange.getRequestHeaders().getFirst("webhook-id");
			JsonNode message = JSON.readTree(body);
			JsonNode data = message.path("data");
			this.calls.add(new Call(id, message.path("type").asString(""), data.path("orderId").asString(""),
					data.path("status").asString(""), message.path("type").asString("") + " " + data));
			exchange.sendResponseHeaders(204, -1);
		}
		finally {
			exchange.close();
		}
	}

	/** Whether a call told that {@code order} reached {@code status}. */
	public boolean told(UUID order, String status) {
		String id = order.toString();
		return this.calls.stream().anyMatch((call) -> call.orderId().equals(id) && call.status().equals(status));
	}

	/** What the calls about these orders came to. */
	public Tally tally(Collection<UUID> orders) {
		return tally(this.calls, orders);
	}

	static Tally tally(Collection<Call> calls, Collection<UUID> orders) {
		Set<String> ids = orders.stream().map(UUID::toString).collect(Collectors.toSet());
		List<Call> about = calls.stream().filter((call) -> ids.contains(call.orderId())).toList();
		Map<String, Set<String>> idsByChange = about.stream()
			.collect(Collectors.groupingBy(Call::change, Collectors.mapping(Call::webhookId, Collectors.toSet())));
		Set<String> distinct = new HashSet<>();
		long repeats = about.stream().filter((call) -> !distinct.add(call.webhookId())).count();
		long doubled = idsByChange.values().stream().mapToLong((messageIds) -> messageIds.size() - 1).sum();
		return new Tally(about.size(), distinct.size(), repeats, doubled);
	}

	/**
	 * @param calls every call received about the orders
	 * @param messages distinct {@code webhook-id}s among them
	 * @param repeats calls that repeated a {@code webhook-id} already received: at-least-once, as promised
	 * @param doubled messages beyond the first for one change (same type and data): the same change sent as two
	 * messages, which a receiver deduplicating by {@code webhook-id} would apply twice
	 */
	public record Tally(long calls, long messages, long repeats, long doubled) {
	}

	/** Removes the endpoint again, so nothing keeps calling a receiver that has gone. */
	@Override
	public void close() {
		try {
			if (this.endpointId != null) {
				this.http.send(HttpRequest.newBuilder(this.gateway.resolve("/api/webhooks/" + this.endpointId))
					.header("Authorization", "Bearer " + this.adminToken)
					.DELETE()
					.build(), HttpResponse.BodyHandlers.discarding());
			}
		}
		catch (IOException ex) {
			// the platform is going away with it
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.server.stop(0);
		}
	}

	/**
	 * One call as received.
	 * @param change the message's type and data: what it told, whatever its id
	 */
	record Call(String webhookId, String type, String orderId, String status, String change) {
	}
}
