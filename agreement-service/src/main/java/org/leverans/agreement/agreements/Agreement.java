package org.leverans.agreement.agreements;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A customer's agreement, valid from {@code validFrom} to {@code validTo} (open-ended when {@code null}), with the
 * terms of the version in force on the day it was looked up.
 */
public record Agreement(UUID id, String number, UUID customerId, String customerName, ZoneId customerTimeZone,
		String currency, LocalDate validFrom, LocalDate validTo, AgreementVersion terms) {

	public boolean inForceOn(LocalDate date) {
		return !date.isBefore(this.validFrom) && (this.validTo == null || !date.isAfter(this.validTo));
	}
}
