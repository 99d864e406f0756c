package org.leverans.web.problem;

import tools.jackson.core.JacksonException;

/** Field paths such as {@code lines[0].quantity}, as clients write them, from Jackson's reference chain. */
public final class JsonPaths {

	private JsonPaths() {
	}

	public static String of(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}
}
