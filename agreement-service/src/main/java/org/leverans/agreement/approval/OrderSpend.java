package org.leverans.agreement.approval;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.leverans.agreement.approval.SpendingLimit.Budgeted;
import org.leverans.contracts.Money;
import org.leverans.contracts.validation.OrderValidated;
import org.leverans.contracts.validation.PricedLine;

/**
 * What a priced order spends against each limit it may be under: its whole total against the orderer, and against
 * each delivery site the lines going there with their share of the freight (split by the value of the goods, the
 * last site taking the rounding), so the sites of one order add up to its total.
 */
public record OrderSpend(Budgeted who, BigDecimal amount) {

	public static List<OrderSpend> of(String placedBy, OrderValidated order) {
		List<OrderSpend> spends = new ArrayList<>();
		BigDecimal total = order.totals().total();
		if (placedBy != null) {
			spends.add(new OrderSpend(Budgeted.orderer(placedBy), Money.cents(total)));
		}
		Map<UUID, BigDecimal> goodsBySite = new LinkedHashMap<>();
		for (PricedLine line : order.lines()) {
			goodsBySite.merge(line.siteId(), line.lineTotal(), BigDecimal::add);
		}
		BigDecimal goods = order.totals().goods();
		BigDecimal freight = order.totals().freight();
		BigDecimal given = BigDecimal.ZERO;
		int left = goodsBySite.size();
		for (Map.Entry<UUID, BigDecimal> site : goodsBySite.entrySet()) {
			left--;
			BigDecimal share;
			if (left == 0) {
				share = total.subtract(given);
			}
			else {
				BigDecimal freightShare = (goods.signum() == 0) ? BigDecimal.ZERO
						: freight.multiply(site.getValue()).divide(goods, 2, RoundingMode.HALF_EVEN);
				share = site.getValue().add(freightShare);
			}
			given = given.add(share);
			spends.add(new OrderSpend(Budgeted.site(site.getKey()), Money.cents(share)));
		}
		return List.copyOf(spends);
	}
}
