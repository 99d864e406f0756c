package org.leverans.web.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** What a problem says when whoever raised it named only its status. */
final class ProblemDefaults {

	private static final URI BLANK = URI.create("about:blank");

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
		return problem;
	}
}
