package org.leverans.agreement.admin;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.leverans.agreement.agreements.FreightTerms;
import org.leverans.agreement.agreements.InvoicingRule;

/**
 * The terms of one agreement version, as an admin writes them.
 *
 * @param invoicingRule {@code PER_SHIPMENT} when left out
 */
public record AgreementTermsRequest(@NotNull @Valid PaymentTermsRequest paymentTerms,
		@NotNull @Valid FreightTermsRequest freightTerms, InvoicingRule invoicingRule,
		@NotNull @Valid DeliveryOptionsRequest deliveryOptions,
		@DecimalMin(value = "0.0001") @Digits(integer = 8, fraction = 4) BigDecimal listPriceRate,
		List<@NotBlank String> assortmentGroups, @NotEmpty List<@NotNull UUID> siteIds,
		List<@NotNull @Valid ContractPriceRequest> contractPrices,
		List<@NotNull @Valid GroupDiscountRequest> groupDiscounts) {

	public record PaymentTermsRequest(@NotBlank @Pattern(regexp = "[A-Z0-9_]{1,30}") String code,
			@NotNull @Min(0) @Max(365) Integer days) {
	}

	/** {@code fee} or {@code ratePerKg} (agreement currency per kg), the latter optionally with a minimum fee. */
	public record FreightTermsRequest(@NotNull FreightTerms.Code code,
			@DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal threshold,
			@DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal fee,
			@DecimalMin("0.0000") @Digits(integer = 8, fraction = 4) BigDecimal ratePerKg,
			@DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal minimumFee) {
	}

	public record DeliveryOptionsRequest(@NotNull Boolean splitDeliveryAllowed, @NotNull Boolean multipleSitesAllowed,
			@NotEmpty List<@NotNull @Pattern(regexp = "PARCEL|HALF_PALLET|PALLET") String> packageSizes,
			@NotNull @Min(0) @Max(60) Integer minLeadTimeDays, List<@NotNull @Valid SlotRequest> slots) {
	}

	public record SlotRequest(@NotNull LocalTime from, @NotNull LocalTime to) {
	}

	public record ContractPriceRequest(@NotBlank String sku,
			@NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal price) {
	}

	public record GroupDiscountRequest(@NotBlank String group,
			@NotNull @DecimalMin(value = "0.00", inclusive = false) @DecimalMax(value = "100.00",
					inclusive = false) @Digits(integer = 2, fraction = 2) BigDecimal percent) {
	}
}
