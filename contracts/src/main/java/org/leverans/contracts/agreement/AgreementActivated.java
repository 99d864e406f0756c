package org.leverans.contracts.agreement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.EventContract;
import org.leverans.contracts.Topics;
import org.leverans.contracts.validation.DeliverySite;

/**
 * Keyed by agreement id. {@code version} is the agreement version in force from {@code effectiveFrom}.
 *
 * @param sites the delivery sites of that version, so consumers know which customer a site belongs to without
 * asking agreement-service; absent from events published before it was added
 */
@EventContract(type = "leverans.agreement.activated.v1", topic = Topics.AGREEMENT)
public record AgreementActivated(UUID agreementId, String number, UUID customerId, int version, LocalDate validFrom,
		LocalDate validTo, LocalDate effectiveFrom, List<DeliverySite> sites) {
}
