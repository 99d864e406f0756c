package org.leverans.testsupport.hostile;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The property every public POST and PUT must hold for any body: never a 5xx; a 4xx is an RFC 9457 problem of a
 * Leverans type; and a 4xx stores nothing. A control character or an over-long string is refused as bad input at
 * its field: a 4xx for it is a 400 naming the field (not, say, a 409 from the database), and a 2xx for a control
 * character stores nothing (an API that refuses items one by one inside a 202). What "stored" means is the test's to
 * say, as a fingerprint of the rows the endpoint could write ({@link StoredRows}).
 *
 * <pre>{@code
 * HostileRequests.assertSafe(HostileBodies.of(VALID_ORDER), 40,
 *     body -> mvc.perform(post("/api/orders").content(body)…), () -> rows.fingerprint());
 * }</pre>
 */
public final class HostileRequests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PROBLEM_TYPE = "urn:leverans:problem:";

	private HostileRequests() {
	}

	/** Sends a body through MockMvc. */
	@FunctionalInterface
	public interface Send {

		ResultActions send(String body) throws Exception;
	}

	/** Sends a body to a running server. */
	@FunctionalInterface
	public interface SendOverHttp {

		HttpResponse<String> send(String body) throws Exception;
	}

	private record Answer(int status, String contentType, String body) {

		static Answer of(MockHttpServletResponse response) {
			return new Answer(response.getStatus(), response.getContentType(),
					new String(response.getContentAsByteArray(), StandardCharsets.UTF_8));
		}

		static Answer of(HttpResponse<String> response) {
			return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
					response.body());
		}
	}

	/** Sends a query string, already encoded, through MockMvc: {@code get(URI.create("/api/x?" + query))}. */
	@FunctionalInterface
	public interface SendQuery {

		ResultActions send(String query) throws Exception;
	}

	/**
	 * The property every public GET with parameters must hold for any query: never a 5xx; a 4xx is an RFC 9457
	 * problem of a Leverans type; a control character, an over-long value or a parameter the endpoint does not take
	 * is a 400 naming the parameter.
	 */
	public static void assertSafeQueries(HostileQueries queries, int tries, SendQuery send) {
		checkQueries(queries, tries, query -> Answer.of(send.send(query).andReturn().getResponse()));
	}

	/** The same property against a running server: {@code send} gets the encoded query string. */
	public static void assertSafeQueriesOverHttp(HostileQueries queries, int tries, SendOverHttp send) {
		checkQueries(queries, tries, query -> Answer.of(send.send(query)));
	}

	private static void checkQueries(HostileQueries queries, int tries, Exchange send) {
		List<String> failures = new ArrayList<>();
		int refused = 0;
		for (HostileQuery query : queries.take(tries)) {
			Answer response;
			try {
				response = send.send(query.query());
			}
			catch (Exception ex) {
				failures.add(query.describe() + "\n    → threw " + ex);
				continue;
			}
			String problem = check(query, response);
			if (problem != null) {
				failures.add(query.describe() + "\n    → " + problem);
			}
			if (response.status() >= 400) {
				refused++;
			}
		}
		if (!failures.isEmpty()) {
			throw new AssertionError(failures.size() + " of " + tries + " hostile queries were mishandled (replay with "
					+ "-Dleverans.hostile.seed=" + queries.seed() + "):\n  "
					+ String.join("\n  ", failures.subList(0, Math.min(8, failures.size()))));
		}
		if (refused == 0) {
			throw new AssertionError("None of " + tries + " hostile queries was refused (seed " + queries.seed()
					+ "): the endpoint checks nothing, or the test sends to the wrong place.");
		}
	}

	private static String check(HostileQuery sent, Answer response) {
		int status = response.status();
		String body = response.body();
		boolean mustRefuse = switch (sent.kind()) {
			case "CONTROL_CHARACTER", "HUGE_VALUE", "UNKNOWN_PARAMETER" -> true;
			default -> false;
		};
		if (status >= 500) {
			return status + " " + excerpt(body);
		}
		if (status < 400) {
			return mustRefuse ? status + ", not a 400 naming " + sent.parameter() : null;
		}
		String notAProblem = notAProblem(response);
		if (notAProblem != null) {
			return notAProblem;
		}
		if (mustRefuse && (status != 400 || !body.contains("\"" + sent.parameter() + "\""))) {
			return status + " without naming " + sent.parameter() + " as invalid: " + excerpt(body);
		}
		return null;
	}

	/** Why a 4xx answer is not a Leverans problem, or {@code null} when it is one. */
	private static String notAProblem(Answer response) {
		int status = response.status();
		String body = response.body();
		if (response.contentType() == null
				|| !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(response.contentType()))) {
			return status + " as " + response.contentType() + ", not a problem: " + excerpt(body);
		}
		JsonNode problem;
		try {
			problem = JSON.readTree(body);
		}
		catch (RuntimeException ex) {
			return status + " with a problem body that is not JSON: " + excerpt(body);
		}
		if (!problem.path("type").asString("").startsWith(PROBLEM_TYPE) || problem.path("title").asString("").isBlank()
				|| problem.path("status").asInt() != status) {
			return status + " with a problem lacking a Leverans type, title or status: " + excerpt(body);
		}
		return null;
	}

	public static void assertSafe(HostileBodies bodies, int tries, Send send, Supplier<String> stored) {
		check(bodies, tries, body -> Answer.of(send.send(body).andReturn().getResponse()), stored);
	}

	public static void assertSafeOverHttp(HostileBodies bodies, int tries, SendOverHttp send,
			Supplier<String> stored) {
		check(bodies, tries, body -> Answer.of(send.send(body)), stored);
	}

	private interface Exchange {

		Answer send(String body) throws Exception;
	}

	private static void check(HostileBodies bodies, int tries, Exchange send, Supplier<String> stored) {
		List<String> failures = new ArrayList<>();
		int refused = 0;
		for (HostileBody body : bodies.take(tries)) {
			String before = stored.get();
			Answer response;
			try {
				response = send.send(body.json());
			}
			catch (Exception ex) {
				failures.add(body.describe() + "\n    → threw " + ex);
				continue;
			}
			String problem = check(body, response, before, stored);
			if (problem != null) {
				failures.add(body.describe() + "\n    → " + problem);
			}
			if (response.status() >= 400) {
				refused++;
			}
		}
		if (!failures.isEmpty()) {
			throw new AssertionError(failures.size() + " of " + tries + " hostile bodies were mishandled (replay with "
					+ "-Dleverans.hostile.seed=" + bodies.seed() + "):\n  "
					+ String.join("\n  ", failures.subList(0, Math.min(8, failures.size()))));
		}
		if (refused == 0) {
			throw new AssertionError("None of " + tries + " hostile bodies was refused (seed " + bodies.seed()
					+ "): the endpoint checks nothing, or the test sends to the wrong place.");
		}
	}

	private static String check(HostileBody sent, Answer response, String before, Supplier<String> stored) {
		int status = response.status();
		String body = response.body();
		boolean control = sent.kind().equals("CONTROL_CHARACTER");
		if (status >= 500) {
			return status + " " + excerpt(body);
		}
		if (status < 400) {
			String after = control ? stored.get() : before;
			return Objects.equals(before, after) ? null
					: status + " stored text with a control character (" + before + " → " + after + ")";
		}
		String notAProblem = notAProblem(response);
		if (notAProblem != null) {
			return notAProblem;
		}
		JsonNode problem = JSON.readTree(body);
		String after = stored.get();
		if (!Objects.equals(before, after)) {
			return status + " but something was stored (" + before + " → " + after + ")";
		}
		if (control || sent.kind().equals("HUGE_STRING")) {
			String field = fieldOf(sent.pointer());
			boolean named = false;
			for (JsonNode error : problem.path("errors")) {
				named |= field.equals(error.path("field").asString(""));
			}
			if (status != 400 || !named) {
				return status + " without naming " + field + " as invalid: " + excerpt(body);
			}
		}
		return null;
	}

	/** A JSON Pointer as problems name fields: {@code /lines/0/sku} is {@code lines[0].sku}. */
	static String fieldOf(String pointer) {
		StringBuilder field = new StringBuilder();
		for (String segment : pointer.substring(Math.min(1, pointer.length())).split("/")) {
			if (segment.matches("\\d+")) {
				field.append('[').append(segment).append(']');
			}
			else if (!segment.isEmpty()) {
				field.append(field.isEmpty() ? "" : ".").append(segment);
			}
		}
		return field.toString();
	}

	private static String excerpt(String body) {
		return (body.length() > 300) ? body.substring(0, 300) + "…" : body;
	}
}
