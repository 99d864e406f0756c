package org.leverans.agreement.validation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.leverans.agreement.agreements.Agreement;
import org.leverans.agreement.catalog.Product;
import org.leverans.contracts.Money;
import org.leverans.contracts.Reason;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.contracts.order.OrderLine;
import org.leverans.contracts.order.RequestedDelivery;
import org.leverans.contracts.validation.PricedLine;
import org.leverans.web.caller.Caller;
import org.leverans.web.problem.ApiProblem;
import org.leverans.web.problem.FieldProblem;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Prices a prospective order for the caller's company under today's agreement and lists what would stop it, with
 * the {@link Quotation} that validates placed orders. Nothing is stored. Serves the order preview (quick order, paste
 * lines) before the orderer places the order; the validation of the placed order still decides.
 */
@RestController
class QuoteController {

	private final Quotation quotation;

	private final Clock clock;

	QuoteController(Quotation quotation, Clock clock) {
		this.quotation = quotation;
		this.clock = clock;
	}

	@PostMapping("/api/catalog/quote")
	Quote quote(@Valid @RequestBody QuoteRequest request, Caller caller) {
		UUID customerId = caller.requireCustomer();
		Set<Integer> lineNos = new HashSet<>();
		List<OrderLine> lines = new ArrayList<>();
		for (int i = 0; i < request.lines().size(); i++) {
			QuoteLine line = request.lines().get(i);
			int lineNo = (line.lineNo() != null) ? line.lineNo() : i + 1;
			if (!lineNos.add(lineNo)) {
				throw ApiProblem.invalid("Line numbers must be unique",
						List.of(FieldProblem.field("lines[" + i + "].lineNo", "DUPLICATE", "Line " + lineNo
								+ " appears twice")));
			}
			lines.add(new OrderLine(lineNo, line.sku(), line.quantity(), line.packageSize(), line.siteId()));
		}
		DeliveryMode mode = (request.deliveryMode() != null) ? request.deliveryMode() : DeliveryMode.COMPLETE;
		Quotation.Quote quote = this.quotation.quote(customerId, mode, request.requestedDelivery(), lines,
				this.clock.instant());
		OrderValidator.Assessment assessment = quote.assessment();

		Map<Integer, PricedLine> priced = assessment.lines()
			.stream()
			.collect(Collectors.toMap(PricedLine::lineNo, line -> line));
		List<QuoteLineView> views = lines.stream().map(line -> {
			List<ProblemView> problems = assessment.reasons()
				.stream()
				.filter(reason -> reason.lineNo() != null && reason.lineNo() == line.lineNo())
				.map(ProblemView::of)
				.toList();
			PricedLine p = priced.get(line.lineNo());
			if (p != null) {
				return new QuoteLineView(p.lineNo(), p.sku(), p.name(), p.productGroup(), p.unit(), p.quantity(),
						p.packageSize(), p.siteId(), Money.text(p.listPrice()), Money.text(p.unitPrice()),
						Money.text(p.lineTotal()), p.availableFrom(), problems);
			}
			Product product = quote.productOf(line);
			return new QuoteLineView(line.lineNo(), (product != null) ? product.sku() : line.sku(),
					(product != null) ? product.name() : null, (product != null) ? product.group() : null,
					(product != null) ? product.unit() : null, line.quantity(), line.packageSize(), line.siteId(), null,
					null, null, null, problems);
		}).toList();
		List<ProblemView> orderProblems = assessment.reasons()
			.stream()
			.filter(reason -> reason.lineNo() == null)
			.map(ProblemView::of)
			.toList();
		Agreement in = quote.agreement().orElse(null);
		return new Quote(in != null ? in.id() : null, in != null ? in.number() : null,
				in != null ? in.terms().version() : null, views,
				(assessment.totals() != null) ? new TotalsView(Money.text(assessment.totals().goods()),
						Money.text(assessment.totals().freight()), Money.text(assessment.totals().total()),
						assessment.totals().currency()) : null,
				(assessment.paymentTerms() != null) ? assessment.paymentTerms().dueDate() : null,
				(assessment.paymentTerms() != null) ? assessment.paymentTerms().code() : null,
				in != null ? in.terms().deliveryOptions().earliestDeliveryDate(quote.orderDate()) : null, orderProblems,
				assessment.orderable());
	}

	record QuoteRequest(DeliveryMode deliveryMode, @Valid RequestedDelivery requestedDelivery,
			@NotNull @Size(min = 1, max = 500) List<@NotNull @Valid QuoteLine> lines) {
	}

	record QuoteLine(Integer lineNo, @NotBlank @Size(max = 64) String sku, @NotNull Integer quantity,
			String packageSize, UUID siteId) {
	}

	/**
	 * Totals cover the lines that could be priced; {@code orderable} says whether the order as a whole would pass
	 * validation if placed today.
	 */
	record Quote(UUID agreementId, String agreementNumber, Integer agreementVersion, List<QuoteLineView> lines,
			TotalsView totals, LocalDate paymentDueDate, String paymentTermsCode, LocalDate earliestDeliveryDate,
			List<ProblemView> problems, boolean orderable) {
	}

	record QuoteLineView(int lineNo, String sku, String name, String group, String unit, int quantity,
			String packageSize, UUID siteId, String listPrice, String unitPrice, String lineTotal,
			LocalDate availableFrom, List<ProblemView> problems) {
	}

	record TotalsView(String goods, String freight, String total, String currency) {
	}

	record ProblemView(String code, String message) {

		static ProblemView of(Reason reason) {
			return new ProblemView(reason.code(), reason.message());
		}
	}
}
