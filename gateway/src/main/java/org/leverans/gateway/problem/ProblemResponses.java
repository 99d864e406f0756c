package org.leverans.gateway.problem;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes problem details straight to the response: security filters, the rate limiter, the in-flight bounds and the error
 * handler all answer before (or instead of) any handler that could render them.
 */
@Component
public class ProblemResponses {

	private final JsonMapper json;

	private final RetryAfter retryAfter;

	public ProblemResponses(JsonMapper json, RetryAfter retryAfter) {
		this.json = json;
		this.retryAfter = retryAfter;
	}

	public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String kind, String title, String detail) {
		Problem problem = Problem.of(status, kind, title, detail,
				exchange.getRequest().getPath().pathWithinApplication().value(), traceIdOf(exchange));
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (isTransient(status) && !response.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)) {
			response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(this.retryAfter.retryAfterSeconds()));
		}
		return response.writeWith(Mono.fromSupplier(() -> {
			DataBuffer buffer = response.bufferFactory().wrap(this.json.writeValueAsBytes(problem));
			response.getHeaders().setContentLength(buffer.readableByteCount());
			return buffer;
		}));
	}

	/**
	 * The trace of the request's own observation; a reactive chain has no dependable thread-local (MDC) to read it
	 * from, so it is taken from the exchange.
	 */
	private static String traceIdOf(ServerWebExchange exchange) {
		return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
			.map((context) -> context.<TracingObservationHandler.TracingContext>get(
					TracingObservationHandler.TracingContext.class))
			.map(TracingObservationHandler.TracingContext::getSpan)
			.map(Span::context)
			.map((context) -> context.traceId())
			.orElse(null);
	}

	/**
	 * A 502, 503 or 504 from the gateway means a service is down, busy or slow, which passes: it says when to try
	 * again, so clients back off instead of retrying at once (or guessing).
	 */
	private static boolean isTransient(HttpStatus status) {
		return status == HttpStatus.BAD_GATEWAY || status == HttpStatus.SERVICE_UNAVAILABLE
				|| status == HttpStatus.GATEWAY_TIMEOUT;
	}

}
