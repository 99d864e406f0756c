package org.leverans.web.input;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.leverans.web.problem.ApiProblem;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Checks a request body once the thing it acts on is known to be the caller's. A body checked with {@code @Valid} is
 * refused before the controller runs, so someone else's id would get a 400 where the rule is 404 whatever the body
 * (the access matrix holds every service to it). Controllers that look something up first take the body unchecked
 * ({@code @RequestBody(required = false)}) and hand it here after the lookup: a missing body and a broken one are the
 * same 400 problems as {@code @Valid} gives.
 */
public class CheckedBodies {

	private final ObjectProvider<Validator> validator;

	public CheckedBodies(ObjectProvider<Validator> validator) {
		this.validator = validator;
	}

	public <T> T check(T body) {
		if (body == null) {
			throw ApiProblem.invalid("body", "REQUIRED", "A request body is required.");
		}
		Set<ConstraintViolation<T>> violations = this.validator.getObject().validate(body);
		if (!violations.isEmpty()) {
			throw new ConstraintViolationException(violations);
		}
		return body;
	}
}
