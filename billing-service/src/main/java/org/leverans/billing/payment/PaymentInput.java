package org.leverans.billing.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One incoming payment, as the supplier's ERP posts it or as a line of a camt.054 notification.
 *
 * @param externalId the bank's own id of the entry (camt.054 {@code AcctSvcrRef}); the same id is recorded once
 * @param reference the creditor reference the payer quoted, normally the invoice's RF reference
 * @param customerId the customer the ERP says paid, if it knows; a reference to another customer's invoice is then
 * refused
 */
public record PaymentInput(@NotBlank @Size(max = 100) String externalId, @NotBlank @Size(max = 35) String reference,
		@NotNull @DecimalMin("0.01") @Digits(integer = 15, fraction = 2) BigDecimal amount,
		@NotNull @Pattern(regexp = "[A-Z]{3}") String currency, @NotNull LocalDate paidOn,
		@Size(max = 140) String payerName, UUID customerId) {
}
