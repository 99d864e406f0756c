package org.leverans.order.placement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.leverans.order.OrderProperties;
import org.leverans.web.problem.ApiProblem;
import org.leverans.web.problem.FieldProblem;

import org.springframework.beans.factory.annotation.Autowired;
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
 *
 * <p>
 * A code the catalogue knows is remembered for {@code leverans.orders.product-codes-known-for}, so an ERP sending the
 * same few hundred codes all day costs agreement-service one question per code and period, not one per order. A
 * code withdrawn meanwhile is then refused by the validation instead of here. Unknown codes are never remembered:
 * a code added to the catalogue is orderable at once.
 */
@Component
class KnownProducts {

	static final String SKU_UNKNOWN = "SKU_UNKNOWN";

	/** Far more codes than a supplier's catalogue holds; a bound so that a flood of made-up codes cannot grow it. */
	private static final int MAX_REMEMBERED = 100_000;

	private final ProductCodes codes;

	private final Cache<String, Boolean> known;

	@Autowired
	KnownProducts(ProductCodes codes, OrderProperties properties) {
		this(codes, properties, Ticker.systemTicker());
	}

	KnownProducts(ProductCodes codes, OrderProperties properties, Ticker ticker) {
		this.codes = codes;
		this.known = Caffeine.newBuilder()
			.expireAfterWrite(properties.productCodesKnownFor())
			.maximumSize(MAX_REMEMBERED)
			.ticker(ticker)
			.build();
	}

	void check(PlaceOrderRequest request, String bearerToken) {
		// Asked as given, remembered by key: the catalogue matches codes case-insensitively.
		Map<String, String> toAsk = new LinkedHashMap<>();
		for (PlaceOrderRequest.Line line : request.lines()) {
			String key = key(line.sku());
			if (this.known.getIfPresent(key) == null) {
				toAsk.putIfAbsent(key, line.sku());
			}
		}
		if (toAsk.isEmpty()) {
			return;
		}
		Set<String> unknown = this.codes.unknown(List.copyOf(toAsk.values()), bearerToken)
			.map(KnownProducts::keys)
			.orElse(null);
		if (unknown == null) {
			// agreement-service cannot tell now: place the order, and remember nothing.
			return;
		}
		toAsk.keySet().stream().filter(key -> !unknown.contains(key)).forEach(key -> this.known.put(key, true));
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
