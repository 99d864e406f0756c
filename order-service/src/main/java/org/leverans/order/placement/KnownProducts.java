package org.leverans.order.placement;

import java.util.ArrayList;
import java.util.List;

import org.leverans.order.quote.AgreementQuotes;
import org.leverans.order.quote.Quote;
import org.leverans.order.quote.QuoteRequest;
import org.leverans.order.quote.QuoteUnavailableException;
import org.leverans.web.problem.ApiProblem;
import org.leverans.web.problem.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Refuses an order naming a product code the catalogue does not know, before anything is stored: a typo is a 400
 * naming {@code lines[i].sku}, which an ERP or a person can fix at once, rather than an order that is REJECTED a
 * moment later.
 *
 * <p>
 * The check asks agreement-service for a quote (see {@link AgreementQuotes} for why this synchronous call is
 * justified). Only {@code SKU_UNKNOWN} stops placement here; every other problem (site, lead time, assortment …)
 * is left to the asynchronous validation, which stays authoritative and answers with REJECTED and reasons. When
 * agreement-service is unreachable, slow or failing, the order is placed anyway: that validation will still catch
 * an unknown product.
 */
@Component
class KnownProducts {

	private static final Logger logger = LoggerFactory.getLogger(KnownProducts.class);

	static final String SKU_UNKNOWN = "SKU_UNKNOWN";

	private final AgreementQuotes quotes;

	KnownProducts(AgreementQuotes quotes) {
		this.quotes = quotes;
	}

	void check(PlaceOrderRequest request, String bearerToken) {
		Quote quote;
		try {
			quote = this.quotes.quote(quoteOf(request), bearerToken);
		}
		catch (QuoteUnavailableException ex) {
			logger.warn("Placing an order without checking its product codes first; validation will: {}",
					ex.getMessage());
			return;
		}
		List<FieldProblem> unknown = new ArrayList<>();
		for (Quote.Line line : quote.lines()) {
			int index = line.lineNo() - 1;
			if (line.has(SKU_UNKNOWN) && index >= 0 && index < request.lines().size()) {
				String message = line.problems()
					.stream()
					.filter(problem -> SKU_UNKNOWN.equals(problem.code()))
					.map(Quote.Problem::message)
					.findFirst()
					.orElse("Unknown product code");
				unknown.add(FieldProblem.field("lines[" + index + "].sku", SKU_UNKNOWN, message));
			}
		}
		if (!unknown.isEmpty()) {
			throw ApiProblem.invalid(unknown);
		}
	}

	/** Line numbers are the positions in the request from 1, as placement numbers them. */
	private static QuoteRequest quoteOf(PlaceOrderRequest request) {
		List<QuoteRequest.Line> lines = new ArrayList<>();
		for (int i = 0; i < request.lines().size(); i++) {
			PlaceOrderRequest.Line line = request.lines().get(i);
			lines.add(new QuoteRequest.Line(i + 1, line.sku(), line.quantity(), line.packageSize(), line.siteId()));
		}
		PlaceOrderRequest.Slot slot = request.requestedDelivery();
		return new QuoteRequest(request.deliveryMode(), new QuoteRequest.Slot(slot.date(), slot.from(), slot.to()),
				lines);
	}
}
