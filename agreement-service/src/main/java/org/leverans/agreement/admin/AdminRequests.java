package org.leverans.agreement.admin;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.leverans.agreement.agreements.AgreementMember;

/** What an admin sends to create customers and to create, change and end agreements. */
final class AdminRequests {

	private AdminRequests() {
	}

	record NewCustomer(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 40) String businessId,
			@NotNull @Pattern(regexp = "[A-Z]{2}") String countryCode, @NotBlank String timeZone,
			@NotEmpty List<@NotNull @Valid NewSite> sites) {
	}

	record NewSite(@NotBlank @Size(max = 200) String name, @NotBlank String street, @NotBlank String postalCode,
			@NotBlank String city, @NotNull @Pattern(regexp = "[A-Z]{2}") String countryCode,
			@NotBlank String receiverName, @NotBlank String receiverPhone) {
	}

	record NewAgreement(@Pattern(regexp = "[A-Z0-9-]{3,30}") String number, @NotNull UUID customerId,
			@NotNull @Pattern(regexp = "[A-Z]{3}") String currency, @NotNull LocalDate validFrom, LocalDate validTo,
			@NotNull @Valid AgreementTermsRequest terms) {
	}

	record AgreementChange(@NotNull LocalDate effectiveFrom, @NotNull @Valid AgreementTermsRequest terms) {
	}

	record AgreementEnd(@NotNull LocalDate validTo) {
	}

	/** {@code username} is the token subject (auth-server user name); {@code siteIds} only for a RECEIVER. */
	record NewMember(@NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}") String username,
			@NotBlank @Size(max = 200) String name, @NotNull AgreementMember.Role role,
			List<@NotNull UUID> siteIds) {
	}
}
