package org.leverans.web.problem;

import java.net.URI;

import org.springframework.http.HttpStatusCode;

/**
 * The one vocabulary of problem types: {@code urn:leverans:problem:<kind>}, the scheme the gateway uses too. A
 * service adds its own kind only for a refusal a client handles differently from these (e.g. {@code credit-limit}).
 */
public final class ProblemTypes {

	public static final String INVALID_REQUEST = "invalid-request";

	public static final String UNAUTHORIZED = "unauthorized";

	public static final String FORBIDDEN = "forbidden";

	public static final String NOT_FOUND = "not-found";

	public static final String METHOD_NOT_ALLOWED = "method-not-allowed";

	public static final String NOT_ACCEPTABLE = "not-acceptable";

	public static final String CONFLICT = "conflict";

	public static final String CONTENT_TOO_LARGE = "content-too-large";

	public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";

	public static final String SERVICE_UNAVAILABLE = "service-unavailable";

	public static final String INTERNAL_ERROR = "internal-error";

	private static final String PREFIX = "urn:leverans:problem:";

	private ProblemTypes() {
	}

	public static URI uri(String kind) {
		return URI.create(PREFIX + kind);
	}

	/** The kind of a problem that has nothing more specific to say than its status. */
	public static String kindOf(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> INVALID_REQUEST;
			case 401 -> UNAUTHORIZED;
			case 403 -> FORBIDDEN;
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 409 -> CONFLICT;
			case 413 -> CONTENT_TOO_LARGE;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 503 -> SERVICE_UNAVAILABLE;
			default -> status.is5xxServerError() ? INTERNAL_ERROR : "http-" + status.value();
		};
	}
}
