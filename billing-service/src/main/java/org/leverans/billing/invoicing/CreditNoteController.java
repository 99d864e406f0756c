package org.leverans.billing.invoicing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.leverans.contracts.Money;
import org.leverans.web.input.MultilineText;
import org.leverans.web.problem.ApiProblem;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supplier's admin credits lines of an invoice by hand: goods cancelled or returned after it was issued, or
 * freight given back. A line is never credited for more than it charged.
 */
@RestController
class CreditNoteController {

	private final Invoicing invoicing;

	CreditNoteController(Invoicing invoicing) {
		this.invoicing = invoicing;
	}

	@PostMapping("/api/admin/billing/invoices/{id}/credit-notes")
	@ResponseStatus(HttpStatus.CREATED)
	Issued credit(@PathVariable UUID id, @Valid @RequestBody CreditRequest request) {
		Map<Integer, Integer> quantities = new LinkedHashMap<>();
		for (CreditedLine line : request.lines()) {
			if (quantities.put(line.lineNo(), line.quantity()) != null) {
				throw ApiProblem.invalid("lines", "DUPLICATE_LINE", "Line " + line.lineNo() + " is named twice");
			}
		}
		Invoice note = this.invoicing.creditLines(id, quantities, request.reason());
		return new Issued(note.id(), note.number(), Money.text(note.net()), Money.text(note.vat()),
				Money.text(note.total()), note.currency());
	}

	record CreditRequest(@NotBlank @MultilineText @Size(max = 500) String reason,
			@NotEmpty @Size(max = 500) List<@Valid @NotNull CreditedLine> lines) {
	}

	record CreditedLine(@NotNull @Min(1) Integer lineNo, @NotNull @Min(1) Integer quantity) {
	}

	record Issued(UUID creditNoteId, String number, String net, String vat, String total, String currency) {
	}
}
