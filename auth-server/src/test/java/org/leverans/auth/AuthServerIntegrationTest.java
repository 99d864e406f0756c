package org.leverans.auth;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.leverans.testsupport.infrastructure.TestInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running auth-server with the demo data, on a fresh PostgreSQL database, called over real HTTP. Subclasses
 * share one application context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
abstract class AuthServerIntegrationTest {

	protected static final String DEMO_SECRET = "demo-secret";

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void infra(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "auth");
	}

	protected URI uri(String pathAndQuery) {
		return URI.create("http://localhost:" + this.port + pathAndQuery);
	}

	/** Client-credentials token request with HTTP Basic client authentication. */
	protected HttpResponse<String> clientCredentialsToken(String clientId, String secret)
			throws IOException, InterruptedException {
		return send(HttpClient.newHttpClient(), HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Authorization", basic(clientId, secret))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(form(Map.of("grant_type", "client_credentials")))
			.build());
	}

	protected static HttpResponse<String> send(HttpClient client, HttpRequest request)
			throws IOException, InterruptedException {
		return client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	protected static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	protected static HttpRequest.BodyPublisher form(Map<String, String> fields) {
		return HttpRequest.BodyPublishers.ofString(fields.entrySet()
			.stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&")));
	}

	protected static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	protected static Map<String, Object> json(String body) throws ParseException {
		return JSONObjectUtils.parse(body);
	}
}
