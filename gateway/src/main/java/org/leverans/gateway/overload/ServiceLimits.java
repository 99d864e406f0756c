package org.leverans.gateway.overload;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.AIMDLimit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.leverans.gateway.problem.ProblemResponses;
import org.leverans.gateway.routing.TargetService;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Bounds the requests in progress to each service, and lets the bound follow how fast the service answers
 * (additive increase, multiplicative decrease, from Netflix's concurrency-limits). An answer slower than
 * {@code latency-target}, or a {@code 502}/{@code 503}/{@code 504}, cuts the bound by a tenth; a quick answer while
 * the bound is half used raises it by one, up to {@code max-in-flight}. A fixed bound large enough for a good day
 * lets a struggling service queue for tens of seconds (Little's law: in progress = rate × time); this one shrinks
 * until the requests it admits are answered in about the target again.
 * <p>
 * Past the bound a request waits a moment for a place and is then refused with a 503 problem and Retry-After:
 * offered more than a service can take, the excess hears "no" at once instead of queueing until the client gives up.
 * The wait is a few non-blocking retries, never a parked Netty event loop. Routes marked {@code long-lived} in their
 * metadata (the SSE stream, open for minutes) are not counted.
 * <p>
 * Measured as {@code leverans.gateway.in.flight.limit} and {@code leverans.gateway.in.flight} by {@code service},
 * and what was refused by {@code leverans.gateway.shed}.
 */
@Component
class ServiceLimits implements GlobalFilter, Ordered, MeterBinder {

	static final String LONG_LIVED = "long-lived";

	private static final Logger log = LoggerFactory.getLogger(ServiceLimits.class);

	private static final Duration RETRY_INTERVAL = Duration.ofMillis(10);

	private static final double BACKOFF = 0.9;

	private final Overload overload;

	private final ProblemResponses problems;

	private final Map<String, SimpleLimiter<Void>> limiters = new ConcurrentHashMap<>();

	private final long retries;

	private volatile MeterRegistry meters;

	ServiceLimits(Overload overload, ProblemResponses problems) {
		this.overload = overload;
		this.problems = problems;
		this.retries = overload.maxWait().toMillis() / RETRY_INTERVAL.toMillis();
	}

	@Override
	public void bindTo(MeterRegistry meters) {
		this.meters = meters;
		this.limiters.forEach((service, limiter) -> bind(meters, service, limiter));
	}

	/** Around the whole exchange, including writing the response body (so a slow download still counts). */
	@Override
	public int getOrder() {
		return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Optional<String> service = TargetService.of(exchange);
		if (service.isEmpty() || isLongLived(exchange)) {
			return chain.filter(exchange);
		}
		SimpleLimiter<Void> limiter = limiterOf(service.get());
		// usingWhen gives the place back however the exchange ends: done, failed, or cancelled by the client, also
		// in the instant between getting the place and going on.
		return Mono.usingWhen(enter(limiter, this.retries),
				(entered) -> entered.isPresent() ? chain.filter(exchange) : refuse(exchange, service.get(), limiter),
				(entered) -> Mono.fromRunnable(() -> entered.ifPresent((place) -> answered(exchange, place))),
				(entered, failure) -> Mono.fromRunnable(() -> entered.ifPresent(Limiter.Listener::onDropped)),
				(entered) -> Mono.fromRunnable(() -> entered.ifPresent(Limiter.Listener::onIgnore)));
	}

	/** A gateway-made or service-made "busy", "unreachable" or "timed out" says the service is struggling. */
	private static void answered(ServerWebExchange exchange, Limiter.Listener place) {
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		if (status != null && (status.value() == 502 || status.value() == 503 || status.value() == 504)) {
			place.onDropped();
		}
		else {
			place.onSuccess();
		}
	}

	private Mono<Optional<Limiter.Listener>> enter(SimpleLimiter<Void> limiter, long retriesLeft) {
		Optional<Limiter.Listener> place = limiter.acquire(null);
		if (place.isPresent() || retriesLeft <= 0) {
			return Mono.just(place);
		}
		return Mono.delay(RETRY_INTERVAL).then(Mono.defer(() -> enter(limiter, retriesLeft - 1)));
	}

	private Mono<Void> refuse(ServerWebExchange exchange, String service, SimpleLimiter<Void> limiter) {
		int bound = limiter.getLimit();
		log.debug("{} is at its bound of {} requests in progress; refusing {}", service, bound,
				exchange.getRequest().getPath());
		MeterRegistry current = this.meters;
		if (current != null) {
			current.counter("leverans.gateway.shed", "service", service).increment();
		}
		long retryAfter = this.overload.retryAfterSeconds();
		exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
		return this.problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-busy", "Service busy",
				service + " has as many requests in progress as it answers in time now (" + bound + "); retry after "
						+ retryAfter + " s.");
	}

	private SimpleLimiter<Void> limiterOf(String service) {
		SimpleLimiter<Void> limiter = this.limiters.get(service);
		if (limiter != null) {
			return limiter;
		}
		return this.limiters.computeIfAbsent(service, (name) -> {
			int max = this.overload.maxInFlightOf(name);
			SimpleLimiter<Void> made = SimpleLimiter.newBuilder()
				.named(name)
				.limit(AIMDLimit.newBuilder()
					.initialLimit(max)
					.maxLimit(max)
					.minLimit(Math.min(this.overload.minInFlight(), max))
					.backoffRatio(BACKOFF)
					.timeout(this.overload.latencyTarget().toNanos(), TimeUnit.NANOSECONDS)
					.build())
				.build();
			MeterRegistry current = this.meters;
			if (current != null) {
				bind(current, name, made);
			}
			return made;
		});
	}

	private static void bind(MeterRegistry meters, String service, SimpleLimiter<Void> limiter) {
		Gauge.builder("leverans.gateway.in.flight.limit", limiter, SimpleLimiter::getLimit)
			.description("Requests the gateway lets be in progress to the service now")
			.tag("service", service)
			.register(meters);
		Gauge.builder("leverans.gateway.in.flight", limiter, SimpleLimiter::getInflight)
			.description("Requests in progress to the service")
			.tag("service", service)
			.register(meters);
	}

	private static boolean isLongLived(ServerWebExchange exchange) {
		Route route = exchange.getRequiredAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		return Boolean.parseBoolean(String.valueOf(route.getMetadata().get(LONG_LIVED)));
	}

}
