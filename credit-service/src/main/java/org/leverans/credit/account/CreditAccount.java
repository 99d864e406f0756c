package org.leverans.credit.account;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A customer's credit account. The bureau knows the customer by its {@code businessId}.
 *
 * @param limitExpiresOn the last day the limit is valid, or {@code null} if it does not expire
 */
public record CreditAccount(UUID customerId, String businessId, String companyName, String currency,
		BigDecimal limit, LocalDate limitExpiresOn, boolean blocked, String blockedReason) {
}
