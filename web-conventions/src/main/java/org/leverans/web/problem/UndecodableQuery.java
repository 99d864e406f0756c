package org.leverans.web.problem;

import java.nio.charset.CharacterCodingException;

/**
 * A query whose percent-escapes are not UTF-8 ({@code ?q=%ED%A0%80}). The servlet container decodes the query the
 * first time anything asks for a parameter, in a filter or in Spring MVC, and fails there: the client's mistake,
 * answered 400 naming {@code url} like any other URL the service cannot take.
 */
final class UndecodableQuery {

	private UndecodableQuery() {
	}

	static boolean causes(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof CharacterCodingException) {
				return true;
			}
		}
		return false;
	}

	static ApiProblem problem() {
		return ApiProblem.invalid("url", FieldProblem.INVALID_VALUE, "The query has percent-escapes that are not UTF-8.");
	}

}
