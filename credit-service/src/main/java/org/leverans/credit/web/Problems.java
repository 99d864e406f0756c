package org.leverans.credit.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatusCode;

/** Problem type URIs: {@code urn:leverans:problem:<kind>}, the same scheme the gateway uses. */
public final class Problems {

	private static final String PREFIX = "urn:leverans:problem:";

	private Problems() {
	}

	public static URI type(String kind) {
		return URI.create(PREFIX + kind);
	}

	/** The kind of a problem that only has a status. */
	static String kindOf(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> "invalid-request";
			case 401 -> "unauthorized";
			case 403 -> "forbidden";
			case 404 -> "not-found";
			case 405 -> "method-not-allowed";
			case 406 -> "not-acceptable";
			case 409 -> "conflict";
			case 415 -> "unsupported-media-type";
			default -> (status.is5xxServerError()) ? "internal-error" : "http-" + status.value();
		};
	}

	/** One entry of a validation problem's {@code errors} array. */
	static Map<String, String> fieldError(String field, String code, String message) {
		return Map.of("field", field, "code", code, "message", message);
	}

	static List<Map<String, String>> single(String field, String code, String message) {
		return List.of(fieldError(field, code, message));
	}
}
