package org.leverans.gateway.overload;

import java.time.Duration;
import java.util.Optional;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
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
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Bounds the requests in progress to each service (a Resilience4j semaphore bulkhead per service). Past the bound a
 * request waits a moment for a place and is then refused with a 503 problem and Retry-After: offered more than a
 * service can take, the excess hears "no" at once instead of queueing until the client gives up.
 * <p>
 * Resilience4j's own wait ({@code maxWaitDuration}) parks the calling thread, here a Netty event loop; so the
 * bulkhead never waits, and the short wait is a few non-blocking retries. Routes marked {@code long-lived} in
 * their metadata (the SSE stream, open for minutes) are not counted.
 * <p>
 * Each service's bulkhead is measured by Resilience4j ({@code resilience4j_bulkhead_available_concurrent_calls}
 * by {@code name}), and what it refused by {@code leverans.gateway.shed}.
 */
@Component
class ServiceBulkheads implements GlobalFilter, Ordered, MeterBinder {

	static final String LONG_LIVED = "long-lived";

	private static final Logger log = LoggerFactory.getLogger(ServiceBulkheads.class);

	private static final Duration RETRY_INTERVAL = Duration.ofMillis(10);

	private final Overload overload;

	private final ProblemResponses problems;

	private final BulkheadRegistry registry = BulkheadRegistry.ofDefaults();

	private final long retries;

	private volatile MeterRegistry meters;

	ServiceBulkheads(Overload overload, ProblemResponses problems) {
		this.overload = overload;
		this.problems = problems;
		this.retries = overload.maxWait().toMillis() / RETRY_INTERVAL.toMillis();
	}

	@Override
	public void bindTo(MeterRegistry meters) {
		// Bulkheads made later (a service's first request) are bound as they are added to the registry.
		TaggedBulkheadMetrics.ofBulkheadRegistry(this.registry).bindTo(meters);
		this.meters = meters;
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
		Bulkhead bulkhead = bulkheadOf(service.get());
		// usingWhen gives the place back however the exchange ends: done, failed, or cancelled by the client, also
		// in the instant between getting the place and going on.
		return Mono.usingWhen(enter(bulkhead, this.retries),
				(entered) -> entered ? chain.filter(exchange) : refuse(exchange, bulkhead),
				(entered) -> Mono.fromRunnable(() -> leave(bulkhead, entered)));
	}

	private static void leave(Bulkhead bulkhead, boolean entered) {
		if (entered) {
			bulkhead.onComplete();
		}
	}

	private Mono<Boolean> enter(Bulkhead bulkhead, long retriesLeft) {
		if (bulkhead.tryAcquirePermission()) {
			return Mono.just(true);
		}
		if (retriesLeft <= 0) {
			return Mono.just(false);
		}
		return Mono.delay(RETRY_INTERVAL).then(Mono.defer(() -> enter(bulkhead, retriesLeft - 1)));
	}

	private Mono<Void> refuse(ServerWebExchange exchange, Bulkhead bulkhead) {
		String service = bulkhead.getName();
		int bound = bulkhead.getBulkheadConfig().getMaxConcurrentCalls();
		log.debug("{} is at its bound of {} requests in progress; refusing {}", service, bound,
				exchange.getRequest().getPath());
		MeterRegistry current = this.meters;
		if (current != null) {
			current.counter("leverans.gateway.shed", "service", service).increment();
		}
		long retryAfter = this.overload.retryAfterSeconds();
		exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
		return this.problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-busy", "Service busy",
				service + " has as many requests in progress as it takes (" + bound + "); retry after " + retryAfter
						+ " s.");
	}

	private Bulkhead bulkheadOf(String service) {
		return this.registry.bulkhead(service, () -> BulkheadConfig.custom()
			.maxConcurrentCalls(this.overload.maxInFlightOf(service))
			.maxWaitDuration(Duration.ZERO)
			.build());
	}

	private static boolean isLongLived(ServerWebExchange exchange) {
		Route route = exchange.getRequiredAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		return Boolean.parseBoolean(String.valueOf(route.getMetadata().get(LONG_LIVED)));
	}

}
