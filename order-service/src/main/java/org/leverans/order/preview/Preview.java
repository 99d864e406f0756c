package org.leverans.order.preview;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What an order would cost and what would stop it, before it is placed. Money is a two-decimal string exactly as
 * agreement-service's validation will price it. {@code orderable} is true only when every line can be read and
 * priced and the order as a whole fits the agreement.
 *
 * @param totals of the lines that could be priced; {@code null} when none could
 * @param earliestDeliveryDate the first date the agreement's lead time allows, from today
 */
public record Preview(List<Line> lines, Totals totals, LocalDate paymentDueDate, LocalDate earliestDeliveryDate,
		String agreementNumber, List<Problem> problems, boolean orderable) {

	/**
	 * @param lineNo the line in the pasted text, the position in {@code lines} (from 1), or the earlier order's line
	 * @param packageSize as asked, or the size the agreement picks when none was asked
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Line(int lineNo, String sku, String name, Integer quantity, String packageSize, UUID siteId,
			String listPrice, String unitPrice, String lineTotal, LocalDate availableFrom, List<Problem> problems) {
	}

	public record Totals(String goods, String freight, String total, String currency) {
	}

	public record Problem(String code, String message) {
	}
}
