package org.leverans.notification.subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.leverans.notification.security.Caller;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/subscriptions/me}: what the caller gets by e-mail. Until they choose, their roles decide
 * (see {@link RoleDefaults}); choosing {@code null} goes back to those defaults.
 */
@RestController
class PreferencesController {

	private final Subscribers subscribers;

	PreferencesController(Subscribers subscribers) {
		this.subscribers = subscribers;
	}

	@GetMapping("/api/subscriptions/me")
	Preferences preferences(@AuthenticationPrincipal Jwt jwt) {
		return Preferences.of(current(jwt));
	}

	@PutMapping("/api/subscriptions/me")
	ResponseEntity<?> choose(@AuthenticationPrincipal Jwt jwt, @RequestBody PreferencesChange change) {
		List<Map<String, String>> errors = new ArrayList<>();
		if (change.emailEvents() != null) {
			for (int i = 0; i < change.emailEvents().size(); i++) {
				String event = change.emailEvents().get(i);
				if (event == null || !RoleDefaults.CHOOSABLE.contains(event)) {
					errors.add(Map.of("field", "emailEvents[" + i + "]", "code", "UNKNOWN_EVENT", "message",
							"'" + event + "' is not one of " + RoleDefaults.CHOOSABLE));
				}
			}
		}
		if (!errors.isEmpty()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"The preferences name events that do not exist.");
			problem.setTitle("Invalid preferences");
			problem.setProperty("errors", errors);
			return ResponseEntity.badRequest().body(problem);
		}
		String subject = Caller.of(jwt).subject();
		this.subscribers.choose(subject,
				(change.emailEvents() != null) ? change.emailEvents().stream().distinct().toList() : null);
		return ResponseEntity.ok(Preferences.of(current(jwt)));
	}

	private Subscriber current(Jwt jwt) {
		// The interceptor has stored the caller before any handler runs.
		return this.subscribers.find(jwt.getSubject())
			.orElseThrow(() -> new IllegalStateException("No subscriber for " + jwt.getSubject()));
	}

	record PreferencesChange(List<String> emailEvents) {
	}

	record Preferences(String email, String locale, List<String> emailEvents, boolean roleDefaults,
			List<String> choosableEvents) {

		static Preferences of(Subscriber subscriber) {
			return new Preferences(subscriber.email(), subscriber.locale(),
					subscriber.effectiveEmailEvents().stream().sorted().toList(), subscriber.usesDefaults(),
					RoleDefaults.CHOOSABLE.stream().sorted().toList());
		}
	}
}
