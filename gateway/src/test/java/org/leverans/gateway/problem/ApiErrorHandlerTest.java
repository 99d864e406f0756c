package org.leverans.gateway.problem;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

class ApiErrorHandlerTest {

	private final ApiErrorHandler handler = new ApiErrorHandler(
			new ProblemResponses(JsonMapper.builder().build(), () -> 3));

	@Test
	void answersAnApiCallWhoseSessionCannotBeReadWith503AndRetryAfter() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/me"));
		CannotCreateTransactionException databaseAway = new CannotCreateTransactionException(
				"Could not open JDBC Connection for transaction",
				new SQLTransientConnectionException("Connection is not available, request timed out after 3000ms"));

		this.handler.handle(exchange, databaseAway).block();

		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("3");
		assertThat(exchange.getResponse().getBodyAsString().block())
			.contains("\"type\":\"urn:leverans:problem:session-store-unavailable\"")
			.contains("\"status\":503");
	}

}
