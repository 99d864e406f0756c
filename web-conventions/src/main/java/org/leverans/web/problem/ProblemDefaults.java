package org.leverans.web.problem;

import java.net.URI;

import org.slf4j.MDC;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * What a problem says when whoever raised it named only its status, and the trace id of the request it answers
 * ({@code traceId}), so a caller's report leads straight to the trace and the log lines of that request.
 */
final class ProblemDefaults {

	private static final URI BLANK = URI.create("about:blank");

	static final String TRACE_ID = "traceId";

	private ProblemDefaults() {
	}

	static ProblemDetail complete(ProblemDetail problem) {
		HttpStatusCode status = HttpStatusCode.valueOf(problem.getStatus());
		if (problem.getType() == null || BLANK.equals(problem.getType())) {
			problem.setType(ProblemTypes.uri(ProblemTypes.kindOf(status)));
		}
		if (problem.getTitle() == null) {
			HttpStatus known = HttpStatus.resolve(status.value());
			problem.setTitle((known != null) ? known.getReasonPhrase() : "Error");
		}
		return withTraceId(problem);
	}

	/**
	 * Micrometer Tracing keeps the trace id of the request in progress in the logging context (MDC), which is how it
	 * gets into every log line too; without tracing there is none, and the problem says nothing.
	 */
	static ProblemDetail withTraceId(ProblemDetail problem) {
		String traceId = MDC.get(TRACE_ID);
		if (traceId != null && !traceId.isBlank()) {
			problem.setProperty(TRACE_ID, traceId);
		}
		return problem;
	}
}
