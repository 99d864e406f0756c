package org.leverans.notification.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.leverans.contracts.TokenClaims.Roles;
import org.leverans.notification.security.Caller;
import org.leverans.notification.subscription.RoleDefaults;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/webhooks}: a customer's agreement manager (or a supplier admin, for any customer) registers the
 * endpoints the customer's systems receive signed events at. The secret is shown once, when the endpoint is made.
 */
@RestController
@RequestMapping("/api/webhooks")
@PreAuthorize("hasAnyRole('AGREEMENT_MANAGER', 'ADMIN')")
class WebhookController {

	private final WebhookEndpoints endpoints;

	private final WebhookSettings settings;

	private final Clock clock;

	WebhookController(WebhookEndpoints endpoints, WebhookSettings settings, Clock clock) {
		this.endpoints = endpoints;
		this.settings = settings;
		this.clock = clock;
	}

	@GetMapping
	Map<String, List<WebhookEndpoint>> list(@AuthenticationPrincipal Jwt jwt) {
		Caller caller = Caller.of(jwt);
		return Map.of("items", this.endpoints.list(caller.has(Roles.ADMIN) ? null : caller.customerId()));
	}

	@PostMapping
	ResponseEntity<?> add(@AuthenticationPrincipal Jwt jwt, @RequestBody NewEndpoint request) {
		Caller caller = Caller.of(jwt);
		UUID customerId = caller.has(Roles.ADMIN) && request.customerId() != null ? request.customerId()
				: caller.customerId();
		List<Map<String, String>> errors = new ArrayList<>();
		if (customerId == null) {
			errors.add(error("customerId", "REQUIRED", "Name the customer whose events the endpoint receives."));
		}
		validateUrl(request.url(), errors);
		if (request.events() == null || request.events().isEmpty()) {
			errors.add(error("events", "REQUIRED", "Name at least one of " + RoleDefaults.CHOOSABLE));
		}
		else {
			for (int i = 0; i < request.events().size(); i++) {
				String event = request.events().get(i);
				if (event == null || !RoleDefaults.CHOOSABLE.contains(event)) {
					errors.add(error("events[" + i + "]", "UNKNOWN_EVENT",
							"'" + event + "' is not one of " + RoleDefaults.CHOOSABLE));
				}
			}
		}
		if (!errors.isEmpty()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"The webhook endpoint is not valid.");
			problem.setTitle("Invalid webhook endpoint");
			problem.setProperty("errors", errors);
			return ResponseEntity.badRequest().body(problem);
		}
		Instant now = this.clock.instant();
		WebhookEndpoint endpoint = new WebhookEndpoint(UUID.randomUUID(), customerId, request.url(),
				request.events().stream().distinct().toList(), request.description(), caller.subject(), now);
		String secret = WebhookSignature.newSecret();
		this.endpoints.add(endpoint, secret);
		return ResponseEntity.created(URI.create("/api/webhooks/" + endpoint.id()))
			.body(new CreatedEndpoint(endpoint.id(), endpoint.customerId(), endpoint.url(), endpoint.events(),
					endpoint.description(), secret, endpoint.createdAt()));
	}

	@GetMapping("/{id}")
	ResponseEntity<WebhookEndpoint> get(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
		return this.endpoints.find(id)
			.filter(endpoint -> ownedBy(endpoint, Caller.of(jwt)))
			.map(ResponseEntity::ok)
			.orElse(ResponseEntity.notFound().build());
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> remove(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
		// Another customer's endpoint is as invisible as one that does not exist.
		if (this.endpoints.find(id).filter(endpoint -> ownedBy(endpoint, Caller.of(jwt))).isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		this.endpoints.remove(id, this.clock.instant());
		return ResponseEntity.noContent().build();
	}

	private static boolean ownedBy(WebhookEndpoint endpoint, Caller caller) {
		return caller.has(Roles.ADMIN) || endpoint.customerId().equals(caller.customerId());
	}

	private void validateUrl(String url, List<Map<String, String>> errors) {
		if (url == null || url.isBlank()) {
			errors.add(error("url", "REQUIRED", "The endpoint URL is required."));
			return;
		}
		try {
			new WebhookTargets(this.settings.allowHttp()).refusalOf(new URI(url))
				.ifPresent((refusal) -> errors.add(error("url", refusal.code(), refusal.message())));
		}
		catch (URISyntaxException ex) {
			errors.add(error("url", "INVALID_URL", "Not a URL: " + ex.getMessage()));
		}
	}

	private static Map<String, String> error(String field, String code, String message) {
		return Map.of("field", field, "code", code, "message", message);
	}

	record NewEndpoint(String url, List<String> events, String description, UUID customerId) {
	}

	record CreatedEndpoint(UUID id, UUID customerId, String url, List<String> events, String description,
			String secret, Instant createdAt) {
	}
}
