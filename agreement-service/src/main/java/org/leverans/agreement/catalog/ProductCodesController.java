package org.leverans.agreement.catalog;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.leverans.web.caller.Caller;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Which of these product codes the catalogue does not know. order-service asks before it takes an order, so a
 * mistyped code is refused at once; one lookup of the codes, where a quote would load the agreement and price
 * every line. A POST, because an order's codes may not fit in a URL.
 */
@RestController
class ProductCodesController {

	private final Catalogue catalogue;

	ProductCodesController(Catalogue catalogue) {
		this.catalogue = catalogue;
	}

	@PostMapping("/api/catalog/codes")
	CodeCheck check(@Valid @RequestBody CodeQuestion question, Caller caller) {
		// The codes are the whole catalogue's, not one customer's: customer service asks them when it orders for a
		// customer. A buyer's token must still name the customer it acts for.
		if (!caller.isStaff()) {
			caller.requireCustomer();
		}
		Set<String> known = this.catalogue.bySku(question.skus()).keySet();
		return new CodeCheck(
				question.skus().stream().filter(sku -> !known.contains(Catalogue.key(sku))).distinct().toList());
	}

	record CodeQuestion(@NotNull @Size(min = 1, max = 500) List<@NotBlank @Size(max = 64) String> skus) {
	}

	/** @param unknown the codes asked about that the catalogue does not know, as they were asked */
	record CodeCheck(List<String> unknown) {
	}
}
