package org.leverans.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Client-credentials tokens from the auth-server, for the demo clients (secret {@code demo-secret}). */
public final class Tokens {

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

	private final HttpClient http;

	private final URI authServer;

	public Tokens(HttpClient http, URI authServer) {
		this.http = http;
		this.authServer = authServer;
	}

	public String of(String client) throws IOException, InterruptedException {
		String basic = Base64.getEncoder()
			.encodeToString((client + ":demo-secret").getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = this.http.send(HttpRequest
			.newBuilder(this.authServer.resolve("/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build(), HttpResponse.BodyHandlers.ofString());
		Matcher token = ACCESS_TOKEN.matcher(response.body());
		if (response.statusCode() != 200 || !token.find()) {
			throw new IllegalStateException("No token for " + client + ": " + response.statusCode() + " "
					+ response.body());
		}
		return token.group(1);
	}
}
