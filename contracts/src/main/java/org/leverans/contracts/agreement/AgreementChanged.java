package org.leverans.contracts.agreement;

import java.time.LocalDate;
import java.util.UUID;

import org.leverans.contracts.EventContract;
import org.leverans.contracts.Topics;

/** Keyed by agreement id. {@code version} is the agreement version in force from {@code effectiveFrom}. */
@EventContract(type = "leverans.agreement.changed.v1", topic = Topics.AGREEMENT)
public record AgreementChanged(UUID agreementId, String number, UUID customerId, int version, LocalDate validFrom,
		LocalDate validTo, LocalDate effectiveFrom) {
}
