package org.leverans.e2e;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person signing in through the gateway as a browser does: the gateway sends them to the auth-server's sign-in
 * page, they submit the form, and come back with a session; API calls then ride on the session cookie and the
 * gateway relays the access token to the services.
 */
final class BrowserSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

	private final HttpClient http;

	private final CookieManager cookies;

	private final URI gateway;

	private BrowserSession(HttpClient http, CookieManager cookies, URI gateway) {
		this.http = http;
		this.cookies = cookies;
		this.gateway = gateway;
	}

	static BrowserSession signIn(URI gateway, String username, String password) {
		CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
		HttpClient http = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.ALWAYS)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		// Start where a browser would: the gateway's sign-in link, which redirects to the auth-server's form.
		Api.Response form = Api.send(http, HttpRequest.newBuilder(gateway.resolve("/oauth2/authorization/leverans")).GET().build());
		URI formUri = URI.create(form.header("x-final-uri"));
		Matcher csrf = CSRF.matcher(form.body());
		if (!csrf.find()) {
			throw new IllegalStateException("No sign-in form at " + formUri + ": " + form);
		}
		String token = (csrf.group(1) != null) ? csrf.group(1) : csrf.group(2);
		String body = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token);
		Api.Response signedIn = Api.send(http, HttpRequest.newBuilder(formUri.resolve("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
		URI landed = URI.create(signedIn.header("x-final-uri"));
		if (!landed.getAuthority().equals(gateway.getAuthority())) {
			throw new IllegalStateException(username + " did not get back to the gateway, ended at " + landed);
		}
		return new BrowserSession(http, cookies, gateway);
	}

	HttpClient http() {
		return this.http;
	}

	Api.Response get(String path) {
		return Api.send(this.http, HttpRequest.newBuilder(this.gateway.resolve(path))
			.header("Accept", "application/json")
			.GET()
			.build());
	}

	/**
	 * A JSON POST as the gateway's pages send it: on the session cookie, with the CSRF token from the
	 * {@code XSRF-TOKEN} cookie echoed in {@code X-XSRF-TOKEN}.
	 */
	Api.Response post(String path, Object body, Map<String, String> headers) {
		if (csrfToken().isEmpty()) {
			get("/");
		}
		String text = (body == null) ? "" : (body instanceof String raw) ? raw : Api.json.writeValueAsString(body);
		HttpRequest.Builder request = HttpRequest.newBuilder(this.gateway.resolve(path))
			.header("Accept", "application/json, application/problem+json")
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", csrfToken().orElseThrow(() -> new IllegalStateException("No XSRF-TOKEN cookie")))
			.POST(HttpRequest.BodyPublishers.ofString(text));
		headers.forEach(request::header);
		return Api.send(this.http, request.build());
	}

	/** A JSON PUT as the pages send it, like {@link #post}. */
	Api.Response put(String path, Object body) {
		if (csrfToken().isEmpty()) {
			get("/");
		}
		String text = (body instanceof String raw) ? raw : Api.json.writeValueAsString(body);
		return Api.send(this.http, HttpRequest.newBuilder(this.gateway.resolve(path))
			.header("Accept", "application/json, application/problem+json")
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", csrfToken().orElseThrow(() -> new IllegalStateException("No XSRF-TOKEN cookie")))
			.PUT(HttpRequest.BodyPublishers.ofString(text))
			.build());
	}

	/** A DELETE as the pages send it, with the CSRF header. */
	Api.Response delete(String path) {
		if (csrfToken().isEmpty()) {
			get("/");
		}
		return Api.send(this.http, HttpRequest.newBuilder(this.gateway.resolve(path))
			.header("Accept", "application/json, application/problem+json")
			.header("X-XSRF-TOKEN", csrfToken().orElseThrow(() -> new IllegalStateException("No XSRF-TOKEN cookie")))
			.DELETE()
			.build());
	}

	private Optional<String> csrfToken() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
