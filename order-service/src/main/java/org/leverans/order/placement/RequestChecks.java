package org.leverans.order.placement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.leverans.web.problem.ApiProblem;
import org.leverans.web.problem.FieldProblem;

import org.springframework.stereotype.Component;

/**
 * Checks a request that creates something and its Idempotency-Key together, so the caller learns every problem at
 * once: placing an order, filing a claim. Codes follow the Bean Validation constraint that failed (REQUIRED,
 * TOO_SMALL, INVALID_FORMAT, …).
 */
@Component
public class RequestChecks {

	public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final Validator validator;

	RequestChecks(Validator validator) {
		this.validator = validator;
	}

	public void check(String idempotencyKey, Object request) {
		List<FieldProblem> errors = new ArrayList<>();
		if (idempotencyKey == null || idempotencyKey.isBlank()) {
			errors.add(FieldProblem.field(IDEMPOTENCY_KEY, "REQUIRED",
					"An Idempotency-Key header is required, e.g. a UUID you keep for retries."));
		}
		else if (idempotencyKey.length() > 255) {
			errors.add(FieldProblem.field(IDEMPOTENCY_KEY, "INVALID_SIZE", "must be at most 255 characters"));
		}
		if (request == null) {
			errors.add(FieldProblem.field("body", "REQUIRED", "A JSON body is required."));
		}
		else {
			if (request instanceof PlaceOrderRequest order && order.lines() != null) {
				for (int i = 0; i < order.lines().size(); i++) {
					if (order.lines().get(i) == null) {
						errors.add(FieldProblem.field("lines[" + i + "]", "REQUIRED", "must not be null"));
					}
				}
			}
			List<FieldProblem> violations = new ArrayList<>();
			for (ConstraintViolation<Object> violation : this.validator.validate(request)) {
				violations.add(FieldProblem.field(violation.getPropertyPath().toString(),
						FieldProblem.codeOf(violation),
						violation.getMessage()));
			}
			violations.sort(Comparator.comparing((FieldProblem p) -> p.field()).thenComparing(p -> p.code()));
			errors.addAll(violations);
		}
		if (!errors.isEmpty()) {
			throw ApiProblem.invalid(errors);
		}
	}
}
