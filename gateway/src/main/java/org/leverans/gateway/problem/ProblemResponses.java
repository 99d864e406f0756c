package org.leverans.gateway.problem;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes problem details straight to the response: security filters, the rate limiter and the error handler all
 * answer before (or instead of) any handler that could render them.
 */
@Component
public class ProblemResponses {

	private final JsonMapper json;

	public ProblemResponses(JsonMapper json) {
		this.json = json;
	}

	public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String kind, String title, String detail) {
		Problem problem = Problem.of(status, kind, title, detail,
				exchange.getRequest().getPath().pathWithinApplication().value());
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return response.writeWith(Mono.fromSupplier(() -> {
			DataBuffer buffer = response.bufferFactory().wrap(this.json.writeValueAsBytes(problem));
			response.getHeaders().setContentLength(buffer.readableByteCount());
			return buffer;
		}));
	}

}
