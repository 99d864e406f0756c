package org.leverans.order.preview;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.leverans.contracts.order.DeliveryMode;
import org.leverans.order.placement.PlaceOrderRequest;
import org.leverans.order.quote.AgreementQuotes;
import org.leverans.order.quote.Quote;
import org.leverans.order.quote.QuoteRequest;
import org.leverans.order.quote.QuoteUnavailableException;
import org.leverans.web.problem.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Previews an order: the lines that can be read are priced by agreement-service's quote (the same rules that will
 * validate the placed order), the ones that cannot are reported with their line number. Nothing is stored. Without
 * agreement-service there are no prices to show, so the preview is a 503 rather than a guess.
 */
@Service
public class OrderPreviews {

	private static final Logger logger = LoggerFactory.getLogger(OrderPreviews.class);

	private final AgreementQuotes quotes;

	OrderPreviews(AgreementQuotes quotes) {
		this.quotes = quotes;
	}

	/** A line to preview, numbered as the caller sees it; {@code problems} non-empty when it could not be read. */
	public record Wanted(int lineNo, String sku, Integer quantity, String packageSize, UUID siteId,
			List<Preview.Problem> problems) {

		public static Wanted readable(int lineNo, String sku, int quantity, String packageSize, UUID siteId) {
			return new Wanted(lineNo, sku, quantity, packageSize, siteId, List.of());
		}

		boolean readable() {
			return this.problems.isEmpty();
		}
	}

	public Preview preview(List<Wanted> wanted, DeliveryMode mode, PlaceOrderRequest.Slot requested,
			String bearerToken) {
		List<Wanted> readable = wanted.stream().filter(Wanted::readable).toList();
		List<Preview.Line> lines = new ArrayList<>();
		for (Wanted line : wanted) {
			if (!line.readable()) {
				lines.add(new Preview.Line(line.lineNo(), line.sku(), null, line.quantity(), line.packageSize(),
						line.siteId(), null, null, null, null, line.problems()));
			}
		}
		if (readable.isEmpty()) {
			lines.sort(Comparator.comparingInt(Preview.Line::lineNo));
			return new Preview(lines, null, null, null, null,
					List.of(new Preview.Problem("QUANTITY_INVALID", "There is no line that can be ordered.")), false);
		}
		Quote quote = quote(readable, mode, requested, bearerToken);
		Map<Integer, Quote.Line> quoted = quote.lines()
			.stream()
			.collect(Collectors.toMap(Quote.Line::lineNo, Function.identity(), (a, b) -> a));
		for (Wanted line : readable) {
			Quote.Line q = quoted.get(line.lineNo());
			if (q == null) {
				// agreement-service answers every line it is sent; this is defensive, never silent.
				lines.add(new Preview.Line(line.lineNo(), line.sku(), null, line.quantity(), line.packageSize(),
						line.siteId(), null, null, null, null,
						List.of(new Preview.Problem("NOT_PRICED", "This line could not be priced."))));
				continue;
			}
			lines.add(new Preview.Line(line.lineNo(), q.sku(), q.name(), line.quantity(),
					(q.packageSize() != null) ? q.packageSize() : line.packageSize(), line.siteId(), q.listPrice(),
					q.unitPrice(), q.lineTotal(), q.availableFrom(),
					q.problems().stream().map(p -> new Preview.Problem(p.code(), p.message())).toList()));
		}
		lines.sort(Comparator.comparingInt(Preview.Line::lineNo));
		Quote.Totals t = quote.totals();
		boolean allRead = readable.size() == wanted.size();
		return new Preview(lines,
				(t != null) ? new Preview.Totals(t.goods(), t.freight(), t.total(), t.currency()) : null,
				quote.paymentDueDate(), quote.earliestDeliveryDate(), quote.agreementNumber(),
				quote.problems().stream().map(p -> new Preview.Problem(p.code(), p.message())).toList(),
				allRead && quote.orderable() && lines.stream().allMatch(line -> line.problems().isEmpty()));
	}

	private Quote quote(List<Wanted> readable, DeliveryMode mode, PlaceOrderRequest.Slot requested,
			String bearerToken) {
		// Packaging the agreement picks for a line without one is reported back, so placing what was previewed
		// asks for the same package size.
		QuoteRequest request = new QuoteRequest((mode != null) ? mode : DeliveryMode.COMPLETE,
				(requested != null) ? new QuoteRequest.Slot(requested.date(), requested.from(), requested.to()) : null,
				readable.stream()
					.map(line -> new QuoteRequest.Line(line.lineNo(), line.sku(), line.quantity(), line.packageSize(),
							line.siteId()))
					.toList());
		try {
			return this.quotes.quote(request, bearerToken);
		}
		catch (QuoteUnavailableException ex) {
			logger.warn("No preview: {}", ex.getMessage());
			throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "prices-unavailable", "Prices are not available",
					"Prices are not available right now; try the preview again in a moment. Placing an order still "
							+ "works and will be checked as usual.",
					List.of());
		}
	}
}
