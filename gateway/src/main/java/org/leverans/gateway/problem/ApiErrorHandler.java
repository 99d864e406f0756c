package org.leverans.gateway.problem;

import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

import org.leverans.gateway.ApiPaths;
import org.leverans.gateway.routing.TargetService;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.web.reactive.function.client.WebClientException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Turns errors the gateway itself meets on an API path (no route, service down or too slow, auth-server down
 * while a token needs its keys) into problem details; the 502, 503 and 504 among them carry Retry-After
 * ({@link ProblemResponses}). Runs before Boot's error handler, which would answer with its own JSON or an HTML
 * page; pages keep that.
 */
@Component
@Order(-2)
class ApiErrorHandler implements WebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

	private final ProblemResponses problems;

	ApiErrorHandler(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
		if (!ApiPaths.isApi(exchange.getRequest()) || exchange.getResponse().isCommitted()) {
			return Mono.error(error);
		}
		// The gateway's own HTTP calls (WebClient) all go to the auth-server: its signing keys, token refresh.
		if (causedBy(error, WebClientException.class) || causedBy(error, AuthenticationServiceException.class)) {
			log.warn("The auth-server cannot be asked: {}", error.getMessage());
			return this.problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "auth-server-unreachable",
					"Sign-in service not reachable",
					"The auth-server, needed to verify or refresh the caller's token, does not answer; try again shortly.");
		}
		// Browser sessions live in the gateway's database (session/BrowserSessions); while it is away, a request with
		// a session cookie cannot be authenticated, but passes once it is back.
		if (causedBy(error, DataAccessException.class) || causedBy(error, TransactionException.class)) {
			log.warn("The session store cannot be reached: {}", error.getMessage());
			return this.problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "session-store-unavailable",
					"Sessions not available", "Browser sessions cannot be read at the moment; try again shortly.");
		}
		String service = TargetService.of(exchange).orElse("The service");
		// Nothing listens (ConnectException), the name does not resolve, or the service went away (killed,
		// restarting) before it answered, resetting or closing the connection: all pass once it is back.
		if (causedBy(error, SocketException.class) || causedBy(error, UnknownHostException.class)
				|| causedBy(error, PrematureCloseException.class)) {
			log.warn("{} is not reachable: {}", service, error.getMessage());
			return this.problems.write(exchange, HttpStatus.BAD_GATEWAY, "service-unreachable",
					"Service not reachable", service + " does not answer at the moment; try again shortly.");
		}
		if (causedBy(error, TimeoutException.class) || hasStatus(error, HttpStatus.GATEWAY_TIMEOUT)) {
			log.warn("{} timed out: {}", service, error.getMessage());
			return this.problems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "service-timeout", "Service timed out",
					service + " did not answer in time; try again shortly.");
		}
		BodyTooLarge tooLarge = causeOf(error, BodyTooLarge.class);
		if (tooLarge != null) {
			return this.problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, BodyTooLarge.KIND, BodyTooLarge.TITLE,
					tooLarge.getReason());
		}
		if (error instanceof ResponseStatusException statusError) {
			return answerStatus(exchange, statusError.getStatusCode(), statusError.getReason());
		}
		log.error("Unexpected error on {}", exchange.getRequest().getPath(), error);
		return this.problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
				"The gateway could not handle this request.");
	}

	private Mono<Void> answerStatus(ServerWebExchange exchange, HttpStatusCode code, String reason) {
		HttpStatus status = HttpStatus.resolve(code.value());
		if (status == null) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		if (status == HttpStatus.NOT_FOUND) {
			return this.problems.write(exchange, status, "not-found", "No such API",
					"No API answers at " + exchange.getRequest().getMethod() + " "
							+ exchange.getRequest().getPath().pathWithinApplication().value() + ".");
		}
		String detail = (reason != null) ? reason : status.getReasonPhrase();
		return this.problems.write(exchange, status, "http-" + status.value(), status.getReasonPhrase(), detail);
	}

	private static boolean hasStatus(Throwable error, HttpStatus status) {
		return error instanceof ResponseStatusException statusError
				&& statusError.getStatusCode().value() == status.value();
	}

	private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
		return causeOf(error, type) != null;
	}

	private static <T extends Throwable> T causeOf(Throwable error, Class<T> type) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
