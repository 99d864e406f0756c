package org.leverans.delivery.feedback;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The supplier's scorecard of its carriers, from receivers' ratings and claims, and the claims against itself. */
@RestController
class ScorecardController {

	private final CarrierScorecards scorecards;

	ScorecardController(CarrierScorecards scorecards) {
		this.scorecards = scorecards;
	}

	@GetMapping("/api/admin/carrier-scorecard")
	Scorecards scorecard() {
		return new Scorecards(this.scorecards.scorecards(), this.scorecards.supplierClaims());
	}

	record Scorecards(List<CarrierScorecards.Scorecard> carriers, List<CarrierScorecards.SupplierClaims> supplier) {
	}
}
