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
		String text = (body == null) ? "" : (body instanceof String raw) ? raw : Api.json.writeValueAsString(body);
		HttpRequest.Builder request = HttpRequest.newBuilder(this.gateway.resolve(path))
			.header("Accept", "application/json, application/problem+json")
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", csrfToken())
			.POST(HttpRequest.BodyPublishers.ofString(text));
		headers.forEach(request::header);
		return Api.send(this.http, request.build());
	}

	/** A JSON PUT as the pages send it, like {@link #post}. */
	Api.Response put(String path, Object body) {
		String text = (body instanceof String raw) ? raw : Api.json.writeValueAsString(body);
		return Api.send(this.http, HttpRequest.newBuilder(this.gateway.resolve(path))
			.header("Accept", "application/json, application/problem+json")
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", csrfToken())
			.PUT(HttpRequest.BodyPublishers.ofString(text))
			.build());
	}

	/** A DELETE as the pages send it, with the CSRF header. */
	Api.Response delete(String path) {
		return send("DELETE", path, null, csrfToken(), Map.of());
	}

	/**
	 * Any method on the session cookie, with a JSON body or none ({@code null}). {@code csrfToken} is what goes in
	 * {@code X-XSRF-TOKEN}: the cookie's value as the pages send it ({@link #csrfToken()}), another value, or none
	 * ({@code null}), as a forged request from another site would come.
	 */
	Api.Response send(String method, String path, String body, String csrfToken, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.gateway.resolve(path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json, application/problem+json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (csrfToken != null) {
			request.header("X-XSRF-TOKEN", csrfToken);
		}
		headers.forEach(request::setHeader);
		return Api.send(this.http, request.build());
	}

	/** The token the gateway handed out in the {@code XSRF-TOKEN} cookie, fetched first if there is none yet. */
	String csrfToken() {
		if (csrfCookie().isEmpty()) {
			get("/");
		}
		return csrfCookie().orElseThrow(() -> new IllegalStateException("No XSRF-TOKEN cookie"));
	}

	private Optional<String> csrfCookie() {
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
