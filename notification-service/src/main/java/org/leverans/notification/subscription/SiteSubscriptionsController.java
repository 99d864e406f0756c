package org.leverans.notification.subscription;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.leverans.contracts.TokenClaims.Roles;
import org.leverans.notification.stream.StreamViews;
import org.leverans.web.caller.Caller;
import org.leverans.web.problem.ApiProblem;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/subscriptions/sites/{siteId}}: which events a delivery site's receivers, and the people of the same
 * customer it names, get by e-mail, and the site's "arriving soon" lead time. The customer's agreement managers
 * and the site's own receivers choose; another customer's site, or one this service never heard of, is not found.
 */
@RestController
@RequestMapping("/api/subscriptions/sites/{siteId}")
class SiteSubscriptionsController {

	private static final String PERSONAL = "The live stream is personal: choose it with PUT /api/subscriptions/me.";

	private static final String WEBHOOKS = "Webhook endpoints choose their events themselves: POST /api/webhooks "
			+ "{url, events}.";

	private final SiteSubscriptions sites;

	private final Subscribers subscribers;

	private final ArrivalAlertProperties arrival;

	private final Clock clock;

	private final StreamViews streams;

	private final CustomerSites customerSites;

	SiteSubscriptionsController(SiteSubscriptions sites, Subscribers subscribers, ArrivalAlertProperties arrival,
			Clock clock, StreamViews streams, CustomerSites customerSites) {
		this.sites = sites;
		this.subscribers = subscribers;
		this.arrival = arrival;
		this.clock = clock;
		this.streams = streams;
		this.customerSites = customerSites;
	}

	@GetMapping
	ResponseEntity<?> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String siteId) {
		Access access = access(jwt, siteId);
		return ResponseEntity.ok(view(access.siteId(), access.customerId()));
	}

	@PutMapping
	ResponseEntity<?> choose(@AuthenticationPrincipal Jwt jwt, @PathVariable String siteId,
			@RequestBody SiteSubscriptionChange change) {
		Caller caller = Caller.of(jwt);
		Access access = access(jwt, siteId);
		SubscriptionProblems problems = new SubscriptionProblems();
		Map<String, List<String>> channels = (change.channels() != null) ? change.channels() : Map.of();
		for (String channel : channels.keySet()) {
			if (!SubscriptionProblems.CHANNEL_EMAIL.equals(channel)) {
				problems.channelNotHere(channel,
						SubscriptionProblems.CHANNEL_LIVE.equals(channel) ? PERSONAL : WEBHOOKS);
			}
		}
		List<String> email = problems.events("channels.email", channels.get(SubscriptionProblems.CHANNEL_EMAIL));
		problems.leadMinutes(change.arrivalLeadMinutes(), this.arrival);
		List<String> alsoNotify = (change.alsoNotify() != null) ? change.alsoNotify() : List.of();
		for (int i = 0; i < alsoNotify.size(); i++) {
			String subject = alsoNotify.get(i);
			// Someone of another customer is as unknown as someone who does not exist.
			boolean known = subject != null && this.subscribers.find(subject)
				.filter(person -> access.customerId().equals(person.customerId()))
				.isPresent();
			if (!known) {
				problems.error("alsoNotify[" + i + "]", "UNKNOWN_PERSON",
						"'" + subject + "' is not a person of this site's customer known to Leverans.");
			}
		}
		if (problems.any()) {
			throw problems.problem("The site subscription names events, channels, people or a lead time that "
					+ "do not exist.");
		}
		Instant now = this.clock.instant();
		this.sites.save(new SiteSubscription(access.siteId(), access.customerId(), email,
				alsoNotify.stream().distinct().toList(), change.arrivalLeadMinutes(), caller.subject(), now));
		// A site's lead time decides whose "arriving soon" is their own, for everyone receiving there.
		this.streams.changedForEveryone();
		return ResponseEntity.ok(view(access.siteId(), access.customerId()));
	}

	/**
	 * Not found first, so nobody learns which sites other customers have; then whether the caller's role lets them
	 * choose for this site of their own customer.
	 */
	private Access access(Jwt jwt, String siteIdText) {
		Caller caller = Caller.of(jwt);
		// The role decides first, whatever the id, so a 403 tells nothing about which sites exist.
		if (!caller.has(Roles.ADMIN) && !caller.has(Roles.AGREEMENT_MANAGER) && !caller.has(Roles.RECEIVER)) {
			throw ApiProblem.forbidden(
					"Only the customer's agreement managers and the site's receivers choose for a site.");
		}
		UUID siteId;
		try {
			siteId = UUID.fromString(siteIdText);
		}
		catch (IllegalArgumentException ex) {
			SubscriptionProblems problems = new SubscriptionProblems();
			problems.error("siteId", "INVALID_ID", "'" + siteIdText + "' is not a site id.");
			throw problems.problem("The path does not name a site.");
		}
		List<UUID> customers = this.customerSites.customersOf(siteId);
		UUID customerId = caller.has(Roles.ADMIN) && !customers.isEmpty() ? customers.getFirst()
				: customers.contains(caller.customerId()) ? caller.customerId() : null;
		// A receiver's own sites are all a receiver sees: another site, even of the same customer, is not found.
		boolean visible = caller.has(Roles.ADMIN) || caller.has(Roles.AGREEMENT_MANAGER)
				|| caller.siteIds().contains(siteId);
		if (customerId == null || !visible) {
			throw ApiProblem.notFound("No site " + siteId + " of your company is known.");
		}
		return new Access(siteId, customerId);
	}

	private SiteView view(UUID siteId, UUID customerId) {
		SiteSubscription stored = this.sites.find(siteId).orElse(null);
		List<String> email = ((stored != null) ? stored.effectiveEmailEvents() : RoleDefaults.receiverEvents()).stream()
			.sorted()
			.toList();
		Map<String, Boolean> defaults = new LinkedHashMap<>();
		defaults.put(SubscriptionProblems.CHANNEL_EMAIL, stored == null || stored.emailEvents() == null);
		defaults.put("arrivalLeadMinutes", stored == null || stored.arrivalLeadMinutes() == null);
		int lead = (stored != null && stored.arrivalLeadMinutes() != null) ? stored.arrivalLeadMinutes()
				: (int) this.arrival.leadTime().toMinutes();
		return new SiteView(siteId, customerId, Map.of(SubscriptionProblems.CHANNEL_EMAIL, email), lead, defaults,
				(stored != null) ? stored.alsoNotify() : List.of(), (stored != null) ? stored.updatedBy() : null,
				(stored != null) ? stored.updatedAt() : null);
	}

	/** @param alsoNotify people (user names) of the same customer who get the site's e-mail besides its receivers */
	record SiteSubscriptionChange(Map<String, List<String>> channels, Integer arrivalLeadMinutes,
			List<String> alsoNotify) {
	}

	record SiteView(UUID siteId, UUID customerId, Map<String, List<String>> channels, int arrivalLeadMinutes,
			Map<String, Boolean> defaults, List<String> alsoNotify, String updatedBy, Instant updatedAt) {
	}

	private record Access(UUID siteId, UUID customerId) {
	}
}
