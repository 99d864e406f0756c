package org.leverans.credit.account;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.leverans.contracts.Money;

/**
 * A customer's credit account. The bureau knows the customer by its {@code businessId}.
 *
 * @param exposure the sum of the account's open reservations, kept on the account so that a decision reads one row
 * however many reservations the customer has (see {@link CreditAccounts#reserve} and {@link CreditAccounts#release})
 * @param limitExpiresOn the last day the limit is valid, or {@code null} if it does not expire
 */
public record CreditAccount(UUID customerId, String businessId, String companyName, String currency,
		BigDecimal limit, BigDecimal exposure, LocalDate limitExpiresOn, boolean blocked, String blockedReason) {

	/** What the limit leaves of the exposure; negative when a person released an order over the limit. */
	public BigDecimal available() {
		return Money.cents(this.limit.subtract(this.exposure));
	}
}
