package org.leverans.gateway;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The paths that machines call. They answer in problem details and never redirect to a sign-in page; every other
 * path is a page for a person.
 */
public final class ApiPaths {

	private ApiPaths() {
	}

	public static boolean isApi(ServerHttpRequest request) {
		String path = request.getPath().pathWithinApplication().value();
		return path.equals("/api") || path.startsWith("/api/") || path.startsWith("/api-docs/")
				|| path.startsWith("/actuator/");
	}

}
