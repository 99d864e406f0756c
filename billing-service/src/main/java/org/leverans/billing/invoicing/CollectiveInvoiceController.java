package org.leverans.billing.invoicing;

import java.time.YearMonth;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Runs a month's collective invoicing by hand (the job runs it on the first of each month): after an outage, or
 * for a month that closed early. Shipments already invoiced are not invoiced again.
 */
@RestController
@RequestMapping("/api/admin/billing/collective-invoices")
class CollectiveInvoiceController {

	private final Invoicing invoicing;

	CollectiveInvoiceController(Invoicing invoicing) {
		this.invoicing = invoicing;
	}

	@PostMapping
	Issued run(@Valid @RequestBody Run run) {
		List<Invoice> invoices = this.invoicing.invoiceMonth(run.month());
		return new Issued(run.month(), invoices.stream().map(Invoice::number).toList());
	}

	record Run(@NotNull YearMonth month) {
	}

	record Issued(YearMonth month, List<String> invoiceNumbers) {
	}
}
