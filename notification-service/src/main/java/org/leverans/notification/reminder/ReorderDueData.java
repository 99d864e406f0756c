package org.leverans.notification.reminder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.leverans.contracts.order.ReorderDue;

/**
 * The {@code data} of a {@code reorder.due} message.
 *
 * @param preview the quick order page with the product, quantity, package size and site filled in, previewed at once
 * (relative to the gateway; e-mails make it absolute)
 */
record ReorderDueData(UUID siteId, String siteName, String sku, String name, int quantity, String packageSize,
		int everyDays, LocalDate lastOrdered, LocalDate dueOn, String preview) {

	static ReorderDueData of(ReorderDue due) {
		String preview = "/buyer/quick-order.html?sku=" + encode(due.sku()) + "&quantity=" + due.quantity()
				+ "&package=" + encode(due.packageSize()) + "&site=" + due.siteId() + "&preview=1";
		return new ReorderDueData(due.siteId(), due.siteName(), due.sku(), due.name(), due.quantity(),
				due.packageSize(), due.everyDays(), due.lastOrdered(), due.dueOn(), preview);
	}

	private static String encode(String value) {
		return URLEncoder.encode((value != null) ? value : "", StandardCharsets.UTF_8);
	}
}
