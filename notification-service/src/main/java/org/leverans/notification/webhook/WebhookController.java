package org.leverans.notification.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.leverans.contracts.TokenClaims.Roles;
import org.leverans.notification.subscription.CustomerSites;
import org.leverans.notification.subscription.RoleDefaults;
import org.leverans.web.caller.Caller;
import org.leverans.web.problem.ApiProblem;
import org.leverans.web.problem.FieldProblem;
import tools.jackson.databind.JsonNode;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/webhooks}: a customer's agreement manager (or a supplier admin, for any customer) registers the
 * endpoints the customer's systems receive signed events at. The secret is shown once, when the endpoint is made.
 */
@RestController
@RequestMapping("/api/webhooks")
@PreAuthorize("hasAnyRole('AGREEMENT_MANAGER', 'ADMIN')")
class WebhookController {

	private static final int DEFAULT_PAGE = 20;

	private static final int MAX_PAGE = 100;

	private final WebhookEndpoints endpoints;

	private final WebhookSettings settings;

	private final WebhookDeliveries deliveries;

	private final Clock clock;

	private final CustomerSites sites;

	WebhookController(WebhookEndpoints endpoints, WebhookDeliveries deliveries, WebhookSettings settings,
			Clock clock, CustomerSites sites) {
		this.sites = sites;
		this.endpoints = endpoints;
		this.deliveries = deliveries;
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
		List<FieldProblem> errors = new ArrayList<>();
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
		List<UUID> siteIds = siteIds(request.siteIds(), customerId, errors);
		if (!errors.isEmpty()) {
			throw ApiProblem.invalid("The webhook endpoint is not valid.", errors);
		}
		Instant now = this.clock.instant();
		WebhookEndpoint endpoint = WebhookEndpoint.registered(UUID.randomUUID(), customerId, request.url(),
				request.events().stream().distinct().toList(), siteIds, request.description(), caller.subject(), now);
		String secret = WebhookSignature.newSecret();
		this.endpoints.add(endpoint, secret);
		return ResponseEntity.created(URI.create("/api/webhooks/" + endpoint.id()))
			.body(new CreatedEndpoint(endpoint.id(), endpoint.customerId(), endpoint.url(), endpoint.events(),
					endpoint.siteIds(), endpoint.description(), secret, endpoint.createdAt()));
	}

	@GetMapping("/{id}")
	ResponseEntity<?> get(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
		return this.endpoints.find(id)
			.filter(endpoint -> ownedBy(endpoint, Caller.of(jwt)))
			.<ResponseEntity<?>>map(ResponseEntity::ok)
			.orElseThrow(() -> notFound("webhook endpoint", id));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<?> remove(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
		// Another customer's endpoint is as invisible as one that does not exist.
		if (this.endpoints.find(id).filter(endpoint -> ownedBy(endpoint, Caller.of(jwt))).isEmpty()) {
			throw notFound("webhook endpoint", id);
		}
		this.endpoints.remove(id, this.clock.instant());
		return ResponseEntity.noContent().build();
	}

	/** The delivery log, newest first; {@code next} is the link to the older ones when there are more. */
	@GetMapping("/{id}/deliveries")
	ResponseEntity<?> deliveries(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
			@RequestParam(required = false) String status, @RequestParam(required = false) String limit,
			@RequestParam(required = false) String before) {
		if (owned(id, jwt).isEmpty()) {
			throw notFound("webhook endpoint", id);
		}
		List<FieldProblem> errors = new ArrayList<>();
		if (status != null && !WebhookDeliveries.STATUSES.contains(status)) {
			errors.add(error("status", "UNKNOWN_STATUS", "'" + status + "' is not one of " + WebhookDeliveries.STATUSES));
		}
		Long size = number(limit, "limit", 1, MAX_PAGE, errors);
		Long beforeId = number(before, "before", 1, Long.MAX_VALUE, errors);
		if (!errors.isEmpty()) {
			throw invalid("The delivery log query is not valid.", errors);
		}
		int pageSize = (size != null) ? size.intValue() : DEFAULT_PAGE;
		List<WebhookDelivery> page = this.deliveries.list(id, status, beforeId, pageSize);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("items", page);
		if (page.size() == pageSize) {
			body.put("next", "/api/webhooks/" + id + "/deliveries?limit=" + pageSize + "&before=" + page.getLast().id()
					+ ((status != null) ? "&status=" + status : ""));
		}
		return ResponseEntity.ok(body);
	}

	@GetMapping("/{id}/deliveries/{deliveryId}")
	ResponseEntity<?> delivery(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id, @PathVariable long deliveryId) {
		if (owned(id, jwt).isEmpty()) {
			throw notFound("webhook endpoint", id);
		}
		return this.deliveries.find(id, deliveryId)
			.<ResponseEntity<?>>map(ResponseEntity::ok)
			.orElseThrow(() -> notFound("webhook delivery", deliveryId));
	}

	/**
	 * Sends a finished message once more, soon, with the same {@code webhook-id} and body and a fresh timestamp and
	 * signature. A disabled endpoint is refused: it is disabled so that nothing is sent to it, and enabling it is
	 * one call away.
	 */
	@PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
	ResponseEntity<?> redeliver(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
			@PathVariable long deliveryId) {
		Optional<WebhookEndpoint> endpoint = owned(id, jwt);
		if (endpoint.isEmpty()) {
			throw notFound("webhook endpoint", id);
		}
		Optional<WebhookDelivery> delivery = this.deliveries.find(id, deliveryId);
		if (delivery.isEmpty()) {
			throw notFound("webhook delivery", deliveryId);
		}
		if (endpoint.get().disabled()) {
			throw conflict("webhook-disabled", "Webhook endpoint disabled",
					"The endpoint is disabled; enable it (POST /api/webhooks/" + id + "/enable) to send to it again.");
		}
		if (!this.deliveries.requestRedelivery(id, deliveryId, this.clock.instant())) {
			throw conflict("webhook-delivery-pending", "Delivery still pending", "The message is "
					+ delivery.get().status() + "; it is sent on its own schedule. Redeliver it once it is finished.");
		}
		return ResponseEntity.accepted().body(this.deliveries.find(id, deliveryId).orElseThrow());
	}

	/**
	 * A new secret, shown once. The previous one goes on signing for the overlap ({@code overlapSeconds}, or the
	 * configured default), so the receiver can switch without dropping a message.
	 */
	@PostMapping("/{id}/rotate-secret")
	ResponseEntity<?> rotateSecret(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
			@RequestBody(required = false) JsonNode request) {
		if (owned(id, jwt).isEmpty()) {
			throw notFound("webhook endpoint", id);
		}
		List<FieldProblem> errors = new ArrayList<>();
		Duration overlap = this.settings.secretOverlap();
		if (request != null && !request.isNull()) {
			if (!request.isObject()) {
				errors.add(error("", "INVALID_BODY", "Send a JSON object such as {\"overlapSeconds\":3600}, or nothing."));
			}
			else {
				for (String field : request.propertyNames()) {
					if (!field.equals("overlapSeconds")) {
						errors.add(error(field, "UNKNOWN_FIELD", "Only overlapSeconds may be given."));
					}
				}
				JsonNode seconds = request.get("overlapSeconds");
				if (seconds != null && !seconds.isNull()) {
					long max = this.settings.maxSecretOverlap().toSeconds();
					if (!seconds.isIntegralNumber() || !seconds.canConvertToLong() || seconds.asLong() < 0
							|| seconds.asLong() > max) {
						errors.add(error("overlapSeconds", "OUT_OF_RANGE",
								"A whole number of seconds from 0 to " + max + "."));
					}
					else {
						overlap = Duration.ofSeconds(seconds.asLong());
					}
				}
			}
		}
		if (!errors.isEmpty()) {
			throw invalid("The secret rotation is not valid.", errors);
		}
		// to the microsecond, as PostgreSQL keeps it: the answer says exactly what GET will
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		String secret = WebhookSignature.newSecret();
		Instant previousUntil = now.plus(overlap);
		this.endpoints.rotate(id, secret, now, previousUntil);
		return ResponseEntity.ok(new RotatedSecret(id, secret, now, previousUntil));
	}

	/** After a disabling (or any time): planned messages resume and new ones are planned again. */
	@PostMapping("/{id}/enable")
	ResponseEntity<?> enable(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
		if (owned(id, jwt).isEmpty()) {
			throw notFound("webhook endpoint", id);
		}
		this.endpoints.enable(id);
		return ResponseEntity.ok(this.endpoints.find(id).orElseThrow());
	}

	/** Another customer's endpoint is as invisible as one that does not exist. */
	private Optional<WebhookEndpoint> owned(UUID id, Jwt jwt) {
		return this.endpoints.find(id).filter(endpoint -> ownedBy(endpoint, Caller.of(jwt)));
	}

	private static Long number(String value, String field, long min, long max, List<FieldProblem> errors) {
		if (value == null) {
			return null;
		}
		try {
			long number = Long.parseLong(value);
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		errors.add(error(field, "OUT_OF_RANGE", "A whole number from " + min + " to " + max + "."));
		return null;
	}

	private static ApiProblem invalid(String detail, List<FieldProblem> errors) {
		return ApiProblem.invalid(detail, errors);
	}

	/**
	 * The sites named, each a site of the customer (the same rule as site subscriptions): another customer's site
	 * reads as unknown, so nobody learns of it.
	 */
	private List<UUID> siteIds(List<String> named, UUID customerId, List<FieldProblem> errors) {
		List<UUID> siteIds = new ArrayList<>();
		if (named == null) {
			return siteIds;
		}
		for (int i = 0; i < named.size(); i++) {
			String field = "siteIds[" + i + "]";
			UUID siteId;
			try {
				siteId = UUID.fromString(String.valueOf(named.get(i)));
			}
			catch (IllegalArgumentException ex) {
				errors.add(error(field, "INVALID_ID", "'" + named.get(i) + "' is not a site id."));
				continue;
			}
			if (customerId != null && !this.sites.belongsTo(siteId, customerId)) {
				errors.add(error(field, "UNKNOWN_SITE", "No site " + siteId + " of this customer is known."));
				continue;
			}
			if (!siteIds.contains(siteId)) {
				siteIds.add(siteId);
			}
		}
		return siteIds;
	}

	private static ApiProblem notFound(String what, Object id) {
		return ApiProblem.notFound("No " + what + " " + id + ".");
	}

	private static ApiProblem conflict(String kind, String title, String detail) {
		return ApiProblem.conflict(kind, title, detail);
	}

	private static boolean ownedBy(WebhookEndpoint endpoint, Caller caller) {
		return caller.has(Roles.ADMIN) || endpoint.customerId().equals(caller.customerId());
	}

	private void validateUrl(String url, List<FieldProblem> errors) {
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

	private static FieldProblem error(String field, String code, String message) {
		return FieldProblem.field(field, code, message);
	}

	record RotatedSecret(UUID id, String secret, Instant rotatedAt, Instant previousSecretExpiresAt) {
	}

	/** @param siteIds the customer's sites whose changes the endpoint takes; none or empty for all of them */
	record NewEndpoint(String url, List<String> events, String description, UUID customerId, List<String> siteIds) {
	}

	record CreatedEndpoint(UUID id, UUID customerId, String url, List<String> events, List<UUID> siteIds,
			String description, String secret, Instant createdAt) {
	}
}
