package org.leverans.platform.process;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Small HTTP checks: does a URL answer 200, is a Spring Boot health endpoint UP. */
public final class HttpProbe {

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(2))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private HttpProbe() {
	}

	public static HttpResponse<String> get(String url) throws IOException, InterruptedException {
		URI uri = URI.create(url);
		int port = (uri.getPort() != -1) ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
		// see ListeningPorts: connecting too early can take the port away from the component starting there
		if (!ListeningPorts.mayConnect(uri.getHost(), port)) {
			throw new ConnectException("Nothing listens on " + uri.getHost() + ":" + port + " yet");
		}
		HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build();
		return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
	}

	public static boolean answersOk(String url) throws IOException, InterruptedException {
		return get(url).statusCode() == 200;
	}

	/** True when a Spring Boot actuator health endpoint reports {@code {"status":"UP"}}. */
	public static boolean isUp(String healthUrl) throws IOException, InterruptedException {
		HttpResponse<String> response = get(healthUrl);
		return response.statusCode() == 200 && isUpBody(response.body());
	}

	public static boolean isUpBody(String body) {
		try {
			JsonNode health = JSON.readTree(body);
			return "UP".equals(health.path("status").asString(""));
		}
		catch (RuntimeException ex) {
			return false;
		}
	}
}
