package org.leverans.web;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.leverans.contracts.TokenClaims;
import org.leverans.contracts.TokenClaims.Roles;
import org.leverans.web.caller.Caller;
import org.leverans.web.input.MultilineText;
import org.leverans.web.problem.ApiProblem;
import org.leverans.web.security.ApiSecurity;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A service that uses the conventions the way every Leverans service does, and nothing else. */
@SpringBootApplication
class WebConventionsApplication {

	@Bean
	SecurityFilterChain api(HttpSecurity http, ApiSecurity api) throws Exception {
		return api.filterChain(http, requests -> requests.requestMatchers("/admin/**").hasRole(Roles.ADMIN));
	}

	/**
	 * Tokens are minted by the tests' {@code jwt()} post-processor. Over real HTTP one bearer value stands for an
	 * orderer ({@link #REAL_HTTP_ORDERER}); any other header is invalid.
	 */
	@Bean
	JwtDecoder jwtDecoder() {
		return token -> {
			if (!REAL_HTTP_ORDERER.equals(token)) {
				throw new BadJwtException("not a test token");
			}
			return Jwt.withTokenValue(token)
				.header("alg", "none")
				.subject("anna")
				.claim(TokenClaims.ROLES, List.of(Roles.ORDERER))
				.issuedAt(Instant.now())
				.expiresAt(Instant.now().plusSeconds(60))
				.build();
		};
	}

	static final String REAL_HTTP_ORDERER = "real-http-orderer";

	record Line(@NotBlank String productCode, @Min(1) int quantity) {
	}

	enum Mode {
		COMPLETE, SPLIT_ALLOWED
	}

	record Order(@Valid List<Line> lines, @Size(max = 64) String purchaseOrderNumber,
			@MultilineText @Size(max = 2000) String note, Mode mode, Boolean urgent, BigDecimal amount,
			LocalDate date, List<String> tags, Map<String, List<String>> channels, String comment) {
	}

	@RestController
	static class Endpoints {

		@PostMapping("/orders")
		Order place(@Valid @RequestBody Order order) {
			return order;
		}

		@GetMapping("/orders/{id}")
		String order(@PathVariable UUID id) {
			throw ApiProblem.notFound("Order " + id + " does not exist.");
		}

		@GetMapping("/orders")
		String orders(@RequestParam int page, @RequestParam(required = false) String q) {
			return "page " + page;
		}

		@GetMapping("/products/{sku}")
		String product(@PathVariable String sku) {
			return sku;
		}

		@GetMapping("/commit")
		String commit() {
			throw new TransactionSystemException("Could not commit JDBC transaction",
					new SQLException("An I/O error occurred while sending to the backend.", "08006"));
		}

		@GetMapping("/me")
		Caller me(Caller caller) {
			return caller;
		}

		@GetMapping("/database")
		String database() {
			throw new DataAccessResourceFailureException("pool exhausted",
					new SQLTransientConnectionException("connection refused"));
		}

		@GetMapping("/bug")
		String bug() {
			throw new IllegalStateException("a bug with secrets in its message");
		}

		@GetMapping("/note")
		String note(@RequestHeader("X-Note") String note) {
			return note;
		}

		@GetMapping("/admin/things")
		String adminThings() {
			return "things";
		}
	}
}
