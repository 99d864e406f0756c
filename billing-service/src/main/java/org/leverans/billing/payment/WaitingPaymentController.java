package org.leverans.billing.payment;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.leverans.web.caller.Caller;
import org.leverans.web.input.MultilineText;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customer service's queue of payments no invoice took whole: unmatched references, and the excess of
 * overpayments. Each is applied to an invoice named by number, or resolved otherwise (e.g. refunded).
 */
@RestController
@Validated
@RequestMapping("/api/support/billing/payments")
class WaitingPaymentController {

	private final Payments payments;

	WaitingPaymentController(Payments payments) {
		this.payments = payments;
	}

	@GetMapping
	List<Payment> waiting(@RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
		return this.payments.waiting(limit);
	}

	@PostMapping("/{id}/allocation")
	Payment allocate(@PathVariable UUID id, @Valid @RequestBody Allocation allocation) {
		return this.payments.allocate(id, allocation.invoiceNumber());
	}

	@PostMapping("/{id}/resolution")
	Payment resolve(@PathVariable UUID id, @Valid @RequestBody Resolution resolution, Caller caller) {
		return this.payments.resolve(id, caller.subject(), resolution.note());
	}

	record Allocation(@NotBlank @Size(max = 40) String invoiceNumber) {
	}

	record Resolution(@NotBlank @MultilineText @Size(max = 500) String note) {
	}
}
