package org.leverans.credit.bureau;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the credit bureau said about a company, or that it could not say anything. */
public sealed interface BureauRating {

	/**
	 * @param rating A (best) to D (failing)
	 * @param score 0–100
	 * @param paymentDefaults the company's recorded payment defaults, settled or not
	 */
	record Rated(String businessId, String companyName, String rating, int score,
			List<PaymentDefault> paymentDefaults, Instant checkedAt) implements BureauRating {

		public Rated {
			paymentDefaults = List.copyOf(paymentDefaults);
		}
	}

	/**
	 * A payment default the bureau recorded. Fields the bureau leaves out are {@code null}; a default given only as
	 * text is taken as unsettled, of unknown date.
	 */
	record PaymentDefault(LocalDate registeredOn, String creditor, BigDecimal amount, String currency,
			boolean settled, String description) {

		public static PaymentDefault described(String description) {
			return new PaymentDefault(null, null, null, null, false, description);
		}

		@Override
		public String toString() {
			if (this.description != null) {
				return this.description;
			}
			return ((this.registeredOn != null) ? this.registeredOn + " " : "")
					+ ((this.creditor != null) ? this.creditor + " " : "")
					+ ((this.amount != null) ? this.amount.toPlainString() + " " : "")
					+ ((this.currency != null) ? this.currency + " " : "") + (this.settled ? "(settled)" : "(unsettled)");
		}
	}

	/** The bureau does not know the company (HTTP 404). */
	record UnknownCompany(String businessId) implements BureauRating {
	}

	/** The bureau could not be asked or gave no usable answer: down, slow, failing, circuit open, bad body. */
	record Unavailable(String businessId, String why) implements BureauRating {
	}
}
