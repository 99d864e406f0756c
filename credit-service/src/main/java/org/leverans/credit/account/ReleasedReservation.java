package org.leverans.credit.account;

import java.math.BigDecimal;

/**
 * A reservation that has just been released.
 *
 * @param exposure the account's exposure once this reservation no longer counts
 */
public record ReleasedReservation(BigDecimal amount, String currency, BigDecimal exposure) {
}
