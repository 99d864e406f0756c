package org.leverans.gateway.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.http.HttpStatus;

/**
 * An RFC 9457 problem made by the gateway itself (the services' problems pass through untouched).
 *
 * @param type URI naming the kind of problem
 * @param title short summary of the kind
 * @param status the HTTP status
 * @param detail what happened to this request
 * @param instance the request path
 * @param traceId the trace of the request, as in the services' problems and every log line of it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String traceId) {

	private static final String TYPE_PREFIX = "urn:leverans:problem:";

	public static Problem of(HttpStatus status, String kind, String title, String detail, String instance,
			String traceId) {
		return new Problem(TYPE_PREFIX + kind, title, status.value(), detail, instance, traceId);
	}

}
