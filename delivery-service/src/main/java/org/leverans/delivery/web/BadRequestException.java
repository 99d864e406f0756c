package org.leverans.delivery.web;

import java.util.List;
import java.util.Map;

/** Bad input found by a controller, with the {@code errors} entries to show. */
public class BadRequestException extends RuntimeException {

	private final List<Map<String, Object>> errors;

	public BadRequestException(String message, List<Map<String, Object>> errors) {
		super(message);
		this.errors = List.copyOf(errors);
	}

	public List<Map<String, Object>> errors() {
		return this.errors;
	}
}
