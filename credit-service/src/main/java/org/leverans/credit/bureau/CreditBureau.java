package org.leverans.credit.bureau;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedTimeLimiterMetrics;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Asks the external credit bureau for a company's rating. Each attempt is bounded by a time limiter and a bulkhead,
 * transient failures are retried with back-off, and a circuit breaker stops asking a bureau that keeps failing.
 * Answers are cached for a while. When the bureau cannot answer, a rating older than that but not older than
 * {@code stale-if-unavailable} is used instead: a company's rating does not change because the bureau is away, and
 * a customer who orders steadily should not end up in review for it. This never throws: with no answer to fall back
 * on, the result is {@link BureauRating.Unavailable} and the credit decision goes to review.
 */
@Component
public class CreditBureau implements DisposableBean, MeterBinder {

	private static final Logger logger = LoggerFactory.getLogger(CreditBureau.class);

	private static final Set<String> RATINGS = Set.of("A", "B", "C", "D");

	private final RestClient http;

	private final JsonMapper json;

	private final Clock clock;

	private final Cache<String, Answer> answers;

	private final Duration fresh;

	private final ExecutorService attempts = Executors.newVirtualThreadPerTaskExecutor();

	private final TimeLimiter timeLimiter;

	private final Bulkhead bulkhead;

	private final CircuitBreaker circuitBreaker;

	private final Retry retry;

	// Registries of one each, so that Resilience4j's own meters describe them (resilience4j_circuitbreaker_state …).
	private final TimeLimiterRegistry timeLimiters = TimeLimiterRegistry.ofDefaults();

	private final BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();

	private final CircuitBreakerRegistry circuitBreakers = CircuitBreakerRegistry.ofDefaults();

	private final RetryRegistry retries = RetryRegistry.ofDefaults();

	CreditBureau(BureauProperties properties, JsonMapper json, Clock clock, ObservationRegistry observations) {
		this.json = json;
		this.clock = clock;
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build());
		// Backs up the time limiter (which decides first): an abandoned attempt must not keep a connection busy.
		requests.setReadTimeout(properties.timeout().plusMillis(500));
		this.http = RestClient.builder()
			.baseUrl(properties.url().toString())
			.requestFactory(requests)
			.observationRegistry(observations)
			.build();
		this.fresh = properties.cache().timeToLive();
		Duration kept = max(this.fresh, properties.cache().staleIfUnavailable());
		this.answers = Caffeine.newBuilder()
			.expireAfterWrite(kept)
			.maximumSize(properties.cache().maxSize())
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			.build();
		this.timeLimiter = this.timeLimiters.timeLimiter("credit-bureau",
				TimeLimiterConfig.custom().timeoutDuration(properties.timeout()).cancelRunningFuture(true).build());
		this.bulkhead = this.bulkheads.bulkhead("credit-bureau", BulkheadConfig.custom()
			.maxConcurrentCalls(properties.bulkhead().maxConcurrentCalls())
			.maxWaitDuration(properties.bulkhead().maxWait())
			.build());
		BureauProperties.CircuitBreaker breaker = properties.circuitBreaker();
		this.circuitBreaker = this.circuitBreakers.circuitBreaker("credit-bureau", CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(breaker.slidingWindowSize())
			.minimumNumberOfCalls(breaker.minimumCalls())
			.failureRateThreshold(breaker.failureRateThreshold())
			.slowCallDurationThreshold(breaker.slowCallDuration())
			.slowCallRateThreshold(breaker.slowCallRateThreshold())
			.waitDurationInOpenState(breaker.waitInOpen())
			.permittedNumberOfCallsInHalfOpenState(breaker.callsInHalfOpen())
			.build());
		BureauProperties.Retry retrySettings = properties.retry();
		this.retry = this.retries.retry("credit-bureau", RetryConfig.custom()
			.maxAttempts(retrySettings.maxAttempts())
			.intervalFunction(IntervalFunction.ofExponentialBackoff(retrySettings.initialBackoff(),
					retrySettings.multiplier()))
			.retryOnException(CreditBureau::isTransient)
			.build());
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		TaggedTimeLimiterMetrics.ofTimeLimiterRegistry(this.timeLimiters).bindTo(registry);
		TaggedBulkheadMetrics.ofBulkheadRegistry(this.bulkheads).bindTo(registry);
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(this.circuitBreakers).bindTo(registry);
		TaggedRetryMetrics.ofRetryRegistry(this.retries).bindTo(registry);
	}

	/**
	 * The company's rating: from the cache when it is fresh enough, else from the bureau, else the last answer the
	 * bureau gave within {@code stale-if-unavailable}.
	 */
	public BureauRating rating(String businessId) {
		Answer cached = this.answers.getIfPresent(businessId);
		Instant now = this.clock.instant();
		if (cached != null && cached.receivedAt().plus(this.fresh).isAfter(now)) {
			return cached.rating();
		}
		BureauRating answer = ask(businessId);
		if (!(answer instanceof BureauRating.Unavailable)) {
			this.answers.put(businessId, new Answer(answer, now));
			return answer;
		}
		if (cached != null) {
			logger.info("Credit bureau unavailable; using its answer for {} from {}", businessId,
					cached.receivedAt());
			return cached.rating();
		}
		return answer;
	}

	/**
	 * Asks the bureau again, e.g. when a person rechecks a held order: never an older answer, which the person may
	 * doubt. An answer kept from before is still there for orders while the bureau is away.
	 */
	public BureauRating freshRating(String businessId) {
		BureauRating answer = ask(businessId);
		if (!(answer instanceof BureauRating.Unavailable)) {
			this.answers.put(businessId, new Answer(answer, this.clock.instant()));
		}
		return answer;
	}

	private BureauRating ask(String businessId) {
		Callable<BureauRating> attempt = () -> this.timeLimiter
			.executeFutureSupplier(() -> this.attempts.submit(() -> fetch(businessId)));
		Callable<BureauRating> guarded = Bulkhead.decorateCallable(this.bulkhead, attempt);
		Callable<BureauRating> broken = CircuitBreaker.decorateCallable(this.circuitBreaker, guarded);
		try {
			return Retry.decorateCallable(this.retry, broken).call();
		}
		catch (CallNotPermittedException ex) {
			return unavailable(businessId, "circuit breaker is open");
		}
		catch (BulkheadFullException ex) {
			return unavailable(businessId, "too many bureau calls in flight");
		}
		catch (TimeoutException ex) {
			return unavailable(businessId, "no answer within " + this.timeLimiter.getTimeLimiterConfig().getTimeoutDuration());
		}
		catch (Exception ex) {
			return unavailable(businessId, ex.getMessage());
		}
	}

	private BureauRating unavailable(String businessId, String why) {
		logger.warn("Credit bureau could not rate {}: {}", businessId, why);
		return new BureauRating.Unavailable(businessId, why);
	}

	private BureauRating fetch(String businessId) {
		return this.http.get()
			.uri("/v1/companies/{businessId}/rating", businessId)
			.exchange((request, response) -> {
				HttpStatusCode status = response.getStatusCode();
				if (status.value() == HttpStatus.NOT_FOUND.value()) {
					return new BureauRating.UnknownCompany(businessId);
				}
				if (status.is5xxServerError() || status.value() == HttpStatus.TOO_MANY_REQUESTS.value()) {
					throw new TransientBureauFailure("bureau answered HTTP " + status.value());
				}
				if (!status.is2xxSuccessful()) {
					throw new UnusableBureauAnswer("bureau answered HTTP " + status.value());
				}
				return parse(businessId, StreamUtils.copyToString(response.getBody(), StandardCharsets.UTF_8));
			}, true);
	}

	private BureauRating.Rated parse(String businessId, String body) {
		JsonNode answer;
		try {
			answer = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new UnusableBureauAnswer("bureau answer is not JSON");
		}
		JsonNode rating = answer.path("rating");
		if (!rating.isString() || !RATINGS.contains(rating.stringValue())) {
			throw new UnusableBureauAnswer("bureau answer has no rating A–D");
		}
		JsonNode score = answer.path("score");
		if (!score.isIntegralNumber() || score.intValue() < 0 || score.intValue() > 100) {
			throw new UnusableBureauAnswer("bureau answer has no score 0–100");
		}
		List<BureauRating.PaymentDefault> defaults = new ArrayList<>();
		JsonNode paymentDefaults = answer.path("paymentDefaults");
		if (!paymentDefaults.isMissingNode() && !paymentDefaults.isNull()) {
			if (!paymentDefaults.isArray()) {
				throw new UnusableBureauAnswer("bureau answer's paymentDefaults is not a list");
			}
			for (JsonNode paymentDefault : paymentDefaults) {
				defaults.add(paymentDefault(paymentDefault));
			}
		}
		return new BureauRating.Rated(businessId, answer.path("companyName").asString(null), rating.stringValue(),
				score.intValue(), defaults, checkedAt(answer.path("checkedAt")));
	}

	private static BureauRating.PaymentDefault paymentDefault(JsonNode node) {
		if (node.isString()) {
			return BureauRating.PaymentDefault.described(node.stringValue());
		}
		if (!node.isObject()) {
			throw new UnusableBureauAnswer("bureau answer has a payment default that is neither text nor an object");
		}
		JsonNode amount = node.path("amount");
		BigDecimal parsedAmount = null;
		if (amount.isNumber() || amount.isString()) {
			try {
				parsedAmount = new BigDecimal(amount.asString());
			}
			catch (NumberFormatException ex) {
				// amount is only shown to people; the default counts all the same
			}
		}
		return new BureauRating.PaymentDefault(date(node.path("registeredOn")), node.path("creditor").asString(null),
				parsedAmount, node.path("currency").asString(null), node.path("settled").asBoolean(false), null);
	}

	private static LocalDate date(JsonNode node) {
		if (node.isString()) {
			try {
				return LocalDate.parse(node.stringValue());
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}
		return null;
	}

	private Instant checkedAt(JsonNode checkedAt) {
		if (checkedAt.isString()) {
			try {
				return Instant.parse(checkedAt.stringValue());
			}
			catch (DateTimeParseException ex) {
				// the rating itself is usable; when it was made is only informative
			}
		}
		return this.clock.instant();
	}

	private static boolean isTransient(Throwable failure) {
		return failure instanceof TransientBureauFailure || failure instanceof TimeoutException
				|| failure instanceof ResourceAccessException || failure instanceof IOException;
	}

	CircuitBreaker circuitBreaker() {
		return this.circuitBreaker;
	}

	void forgetAnswers() {
		this.answers.invalidateAll();
	}

	@Override
	public void destroy() {
		this.attempts.shutdownNow();
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	/** What the bureau answered, and when it did. */
	private record Answer(BureauRating rating, Instant receivedAt) {
	}

	/** 5xx, 429: worth another try. */
	static class TransientBureauFailure extends RuntimeException {

		TransientBureauFailure(String message) {
			super(message);
		}
	}

	/** An answer that will not get better by asking again the same way: malformed body, unexpected 4xx. */
	static class UnusableBureauAnswer extends RuntimeException {

		UnusableBureauAnswer(String message) {
			super(message);
		}
	}
}
