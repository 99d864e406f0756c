package org.leverans.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A caller of the public API through the gateway, holding one bearer token. */
final class Api {

	static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI gateway;

	private final String token;

	private Api(URI gateway, String token) {
		this.gateway = gateway;
		this.token = token;
	}

	/** Signs in an API client with the client-credentials grant at the auth-server. */
	static Api client(URI gateway, URI authServer, String clientId, String secret) {
		String basic = Base64.getEncoder()
			.encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(authServer.resolve("/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build();
		Response response = send(request);
		if (response.status() != 200) {
			throw new IllegalStateException("No token for " + clientId + ": " + response);
		}
		return new Api(gateway, response.json().get("access_token").asString());
	}

	static Api anonymous(URI gateway) {
		return new Api(gateway, null);
	}

	String token() {
		return this.token;
	}

	Response get(String path) {
		return send(request(path).GET().build());
	}

	Response delete(String path) {
		return send(request(path).DELETE().build());
	}

	Response post(String path, Object body) {
		return post(path, body, Map.of());
	}

	Response post(String path, Object body, Map<String, String> headers) {
		String text = (body instanceof String raw) ? raw : json.writeValueAsString(body);
		HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(text));
		headers.forEach(builder::header);
		return send(builder.build());
	}

	/**
	 * Any method, with a JSON body or none ({@code null}); the extra headers replace the defaults (an {@code Accept}
	 * of its own, for one).
	 */
	Response send(String method, String path, String body, Map<String, String> headers) {
		HttpRequest.Builder builder = request(path).method(method,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			builder.header("Content-Type", "application/json");
		}
		headers.forEach(builder::setHeader);
		return send(builder.build());
	}

	/** A file as the request body, with its own type (a claim's photo). */
	Response upload(String path, byte[] bytes, String contentType) {
		return send(request(path).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
			.build());
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(this.gateway.resolve(path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json, application/problem+json");
		if (this.token != null) {
			builder.header("Authorization", "Bearer " + this.token);
		}
		return builder;
	}

	static Response send(HttpRequest request) {
		return send(http, request);
	}

	/** Sends and reads the whole body; {@code x-final-uri} tells where redirects, if followed, ended. */
	static Response send(HttpClient client, HttpRequest request) {
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			Map<String, String> headers = new LinkedHashMap<>();
			response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
			headers.put("x-final-uri", response.uri().toString());
			return new Response(response.statusCode(), headers, response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Response(int status, Map<String, String> headers, String body) {

		JsonNode json() {
			return Api.json.readTree(this.body);
		}

		String header(String name) {
			return this.headers.get(name.toLowerCase());
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}
	}
}
