package org.leverans.order.placement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.leverans.web.problem.ApiProblem;
import org.leverans.web.problem.FieldProblem;

import org.springframework.stereotype.Component;

/**
 * Refuses an order naming a product code the catalogue does not know, before anything is stored: a typo is a 400
 * naming {@code lines[i].sku}, which an ERP or a person can fix at once, rather than an order that is REJECTED a
 * moment later.
 *
 * <p>
 * The check asks agreement-service which codes it does not know ({@link ProductCodes}), and nothing else: every
 * other problem (site, lead time, assortment …) and the prices are left to the asynchronous validation, which
 * stays authoritative and answers with REJECTED and reasons. When agreement-service is unreachable, slow or
 * failing, the order is placed anyway: that validation will still catch an unknown product.
 */
@Component
class KnownProducts {

	static final String SKU_UNKNOWN = "SKU_UNKNOWN";

	private final ProductCodes codes;

	KnownProducts(ProductCodes codes) {
		this.codes = codes;
	}

	void check(PlaceOrderRequest request, String bearerToken) {
		List<String> skus = request.lines().stream().map(PlaceOrderRequest.Line::sku).distinct().toList();
		Set<String> unknown = this.codes.unknown(skus, bearerToken).map(KnownProducts::keys).orElse(Set.of());
		List<FieldProblem> problems = new ArrayList<>();
		for (int i = 0; i < request.lines().size(); i++) {
			String sku = request.lines().get(i).sku();
			if (unknown.contains(key(sku))) {
				problems.add(FieldProblem.field("lines[" + i + "].sku", SKU_UNKNOWN, "Unknown product code " + sku));
			}
		}
		if (!problems.isEmpty()) {
			throw ApiProblem.invalid(problems);
		}
	}

	/** Product codes are matched case-insensitively, as agreement-service's catalogue does. */
	private static Set<String> keys(Set<String> skus) {
		return Set.copyOf(skus.stream().map(KnownProducts::key).toList());
	}

	private static String key(String sku) {
		return sku.strip().toUpperCase(Locale.ROOT);
	}
}
