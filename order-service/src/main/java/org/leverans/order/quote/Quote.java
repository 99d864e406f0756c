package org.leverans.order.quote;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * agreement-service's answer to a quote: the lines priced under today's agreement (money as two-decimal strings,
 * passed on untouched so a preview shows exactly what validation will charge), the problems that would reject the
 * order, and whether it would pass. Read leniently: agreement-service may add fields.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Quote(UUID agreementId, String agreementNumber, Integer agreementVersion, List<Line> lines,
		Totals totals, LocalDate paymentDueDate, String paymentTermsCode, LocalDate earliestDeliveryDate,
		List<Problem> problems, boolean orderable) {

	public Quote {
		lines = (lines != null) ? List.copyOf(lines) : List.of();
		problems = (problems != null) ? List.copyOf(problems) : List.of();
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Line(int lineNo, String sku, String name, String group, String unit, Integer quantity,
			String packageSize, UUID siteId, String listPrice, String unitPrice, String lineTotal,
			LocalDate availableFrom, List<Problem> problems) {

		public Line {
			problems = (problems != null) ? List.copyOf(problems) : List.of();
		}

		public boolean has(String code) {
			return this.problems.stream().anyMatch(problem -> code.equals(problem.code()));
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Totals(String goods, String freight, String total, String currency) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Problem(String code, String message) {
	}
}
