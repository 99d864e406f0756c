package org.leverans.e2e;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Someone calling the API through the gateway in {@link AccessMatrixIT}: an API client with a client-credentials token,
 * or a person signed in through the gateway's OAuth2 login, whose calls ride on the session cookie. Who they are
 * (roles, customer, sites, carrier) is read from what the auth-server gave them, not assumed.
 */
final class Actor {

	enum Kind {

		API_CLIENT, SESSION

	}

	private final String subject;

	private final Kind kind;

	private final Set<String> roles;

	private final String customer;

	private final Set<String> sites;

	private final String carrier;

	private final Api client;

	private final BrowserSession session;

	private Actor(String subject, Kind kind, JsonNode claims, Api client, BrowserSession session) {
		this.subject = subject;
		this.kind = kind;
		this.roles = strings(claims.path("roles"));
		this.customer = text(claims, (kind == Kind.SESSION) ? "customerId" : "customer_id");
		this.sites = strings(claims.path((kind == Kind.SESSION) ? "siteIds" : "site_ids"));
		this.carrier = text(claims, "carrier");
		this.client = client;
		this.session = session;
	}

	/** An API client: its claims are those of its access token. */
	static Actor client(Api client, String clientId) {
		String payload = client.token().split("\\.")[1];
		JsonNode claims = Api.json.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
		return new Actor(clientId, Kind.API_CLIENT, claims, client, null);
	}

	/** A person signed in through the gateway: the claims are what the gateway says of them at {@code /api/me}. */
	static Actor person(BrowserSession session, String username) {
		Api.Response me = session.get("/api/me");
		if (me.status() != 200) {
			throw new IllegalStateException(username + " is not signed in: " + me);
		}
		return new Actor(username, Kind.SESSION, me.json(), null, session);
	}

	/**
	 * A call as this actor; a person's unsafe call carries the session's CSRF token as the pages send it.
	 * @param body JSON, or {@code null} for none
	 */
	Api.Response send(String method, String path, String body) {
		return send(method, path, body, Map.of());
	}

	Api.Response send(String method, String path, String body, Map<String, String> headers) {
		Map<String, String> all = new LinkedHashMap<>(headers);
		all.putIfAbsent("Accept", "application/json, application/problem+json, */*;q=0.1");
		if (this.kind == Kind.API_CLIENT) {
			return this.client.send(method, path, body, all);
		}
		boolean unsafe = !method.equals("GET") && !method.equals("HEAD");
		return this.session.send(method, path, body, unsafe ? this.session.csrfToken() : null, all);
	}

	String subject() {
		return this.subject;
	}

	Kind kind() {
		return this.kind;
	}

	Set<String> roles() {
		return this.roles;
	}

	String customer() {
		return this.customer;
	}

	Set<String> sites() {
		return this.sites;
	}

	String carrier() {
		return this.carrier;
	}

	BrowserSession session() {
		return this.session;
	}

	boolean has(String role) {
		return this.roles.contains(role);
	}

	boolean isStaff() {
		return has("CUSTOMER_SERVICE") || has("ADMIN");
	}

	@Override
	public String toString() {
		return this.subject + " (" + String.join(", ", this.roles) + ", "
				+ ((this.kind == Kind.API_CLIENT) ? "API client" : "signed in") + ")";
	}

	private static Set<String> strings(JsonNode array) {
		Set<String> values = new LinkedHashSet<>();
		array.forEach(value -> values.add(value.asString()));
		return values;
	}

	private static String text(JsonNode claims, String name) {
		JsonNode value = claims.get(name);
		return (value == null || value.isNull()) ? null : value.asString();
	}
}
