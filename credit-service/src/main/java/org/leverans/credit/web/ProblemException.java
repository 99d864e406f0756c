package org.leverans.credit.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request that cannot be served, answered as an RFC 9457 problem of the given kind. */
public class ProblemException extends ErrorResponseException {

	public ProblemException(HttpStatus status, String kind, String title, String detail) {
		super(status, problem(status, kind, title, detail), null);
	}

	public static ProblemException notFound(String detail) {
		return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
	}

	public static ProblemException conflict(String kind, String title, String detail) {
		return new ProblemException(HttpStatus.CONFLICT, kind, title, detail);
	}

	private static ProblemDetail problem(HttpStatus status, String kind, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(Problems.type(kind));
		problem.setTitle(title);
		return problem;
	}
}
