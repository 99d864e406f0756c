package org.leverans.gateway.bodysize;

import java.util.concurrent.atomic.AtomicLong;

import org.leverans.gateway.ApiPaths;
import org.leverans.gateway.problem.BodyTooLarge;
import org.leverans.gateway.problem.ProblemResponses;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses an API request whose body is larger than {@link BodySizeLimits} allows, with a {@code 413} problem. A
 * declared {@code Content-Length} over the bound is refused before anything is read or passed on. A body sent
 * without one (chunked) is counted as it streams through, and the request fails as soon as it passes the bound, so
 * no service ever receives more than the bound. Runs first: a body too large needs no token checked.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodySizeFilter implements WebFilter {

	private final BodySizeLimits limits;

	private final ProblemResponses problems;

	BodySizeFilter(BodySizeLimits limits, ProblemResponses problems) {
		this.limits = limits;
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (!ApiPaths.isApi(request)) {
			return chain.filter(exchange);
		}
		String path = request.getPath().pathWithinApplication().value();
		long maxBytes = this.limits.maxBytesAt(path);
		long declared = request.getHeaders().getContentLength();
		if (declared > maxBytes) {
			return this.problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, BodyTooLarge.KIND, BodyTooLarge.TITLE,
					BodyTooLarge.detail(path, maxBytes));
		}
		if (declared >= 0) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange.mutate().request(new CountedBody(request, path, maxBytes)).build());
	}

	/** A body without a declared length, failing with {@link BodyTooLarge} once more than the bound has come. */
	private static final class CountedBody extends ServerHttpRequestDecorator {

		private final String path;

		private final long maxBytes;

		CountedBody(ServerHttpRequest request, String path, long maxBytes) {
			super(request);
			this.path = path;
			this.maxBytes = maxBytes;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			AtomicLong received = new AtomicLong();
			return super.getBody().handle((buffer, sink) -> {
				if (received.addAndGet(buffer.readableByteCount()) > this.maxBytes) {
					DataBufferUtils.release(buffer);
					sink.error(new BodyTooLarge(BodyTooLarge.detail(this.path, this.maxBytes)));
				}
				else {
					sink.next(buffer);
				}
			});
		}

	}

}
