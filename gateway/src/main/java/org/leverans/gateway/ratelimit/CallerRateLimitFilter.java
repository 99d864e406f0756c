package org.leverans.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

import org.leverans.gateway.problem.ProblemResponses;
import org.leverans.gateway.security.AfterSecurity;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Limits each caller to a token bucket: keyed by the verified subject (an API client's id, or the signed-in
 * person), or by client address when anonymous, with the limit of the caller's kind ({@link RateLimits}). Runs
 * after security so a caller cannot pick someone else's key.
 * <p>
 * The buckets live in this instance's memory, bounded and dropped when idle ({@link CallerBuckets}): with several
 * gateway instances each enforces its own limit, and a restart forgets them. That is good enough to stop a runaway
 * client; a shared limit would need a shared store (Bucket4j has proxy managers for that).
 */
@Component
@Order(AfterSecurity.ORDER)
class CallerRateLimitFilter implements WebFilter {

	private final RateLimits limits;

	private final ProblemResponses problems;

	private final CallerBuckets buckets;

	CallerRateLimitFilter(RateLimits limits, ProblemResponses problems) {
		this.limits = limits;
		this.problems = problems;
		this.buckets = new CallerBuckets(limits.buckets());
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/actuator/")) {
			return chain.filter(exchange);
		}
		return exchange.getPrincipal()
			.map((principal) -> Caller.of(principal, this.limits))
			.switchIfEmpty(Mono.fromSupplier(() -> Caller.anonymous(clientAddress(exchange), this.limits)))
			.flatMap((caller) -> {
				ConsumptionProbe probe = this.buckets.of(caller).tryConsumeAndReturnRemaining(1);
				if (probe.isConsumed()) {
					return chain.filter(exchange);
				}
				long retryAfterSeconds = Math.max(1,
						TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
				exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
				return this.problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
						"Too many requests", "This caller may make " + caller.limit().capacity()
								+ " requests at once and " + caller.limit().refillPerSecond()
								+ " per second after that; retry after " + retryAfterSeconds + " s.");
			});
	}

	private static String clientAddress(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		return (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : "unknown";
	}

}
