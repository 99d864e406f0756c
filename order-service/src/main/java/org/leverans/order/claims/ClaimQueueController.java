package org.leverans.order.claims;

import java.util.List;
import java.util.UUID;

import org.leverans.order.security.BearerToken;
import org.leverans.web.caller.Caller;
import org.leverans.web.input.CheckedBodies;
import org.leverans.web.problem.ApiProblem;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Customer service's queue of claims, oldest first, and their decisions. */
@RestController
class ClaimQueueController {

	private static final int MAX_LIMIT = 200;

	private final Claims claims;

	private final ClaimDecisions decisions;

	private final CheckedBodies bodies;

	ClaimQueueController(Claims claims, ClaimDecisions decisions, CheckedBodies bodies) {
		this.claims = claims;
		this.decisions = decisions;
		this.bodies = bodies;
	}

	@GetMapping("/api/support/claims")
	List<Claim> queue(@RequestParam(defaultValue = "OPEN") Claim.Status status,
			@RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw ApiProblem.invalid("limit", "INVALID_VALUE", "must be between 1 and " + MAX_LIMIT);
		}
		return this.claims.inStatus(status, limit);
	}

	@PostMapping("/api/support/claims/{claimId}/decision")
	Claim decide(Caller agent, @PathVariable UUID claimId,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestBody(required = false) ClaimDecision decision) {
		this.decisions.find(claimId);
		return this.decisions.decide(claimId, agent, BearerToken.of(authorization), this.bodies.check(decision));
	}
}
