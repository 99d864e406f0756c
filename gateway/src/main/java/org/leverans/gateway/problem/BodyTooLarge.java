package org.leverans.gateway.problem;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A request body that streamed past its bound; the gateway's error handler answers it as a {@code 413} problem. */
public class BodyTooLarge extends ResponseStatusException {

	public static final String KIND = "body-too-large";

	public static final String TITLE = "Request body too large";

	public BodyTooLarge(String detail) {
		super(HttpStatus.CONTENT_TOO_LARGE, detail);
	}

	public static String detail(String path, long maxBytes) {
		return "A request to " + path + " may carry at most " + maxBytes + " bytes.";
	}

}
