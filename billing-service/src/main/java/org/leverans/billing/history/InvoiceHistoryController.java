package org.leverans.billing.history;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.leverans.billing.document.InvoicePdf;
import org.leverans.billing.document.PeppolDocument;
import org.leverans.billing.invoicing.Invoice;
import org.leverans.billing.invoicing.InvoiceFilter;
import org.leverans.billing.invoicing.Invoices;
import org.leverans.billing.invoicing.InvoicingProperties;
import org.leverans.billing.payment.Payments;
import org.leverans.contracts.TokenClaims.Roles;
import org.leverans.web.caller.Caller;
import org.leverans.web.problem.ApiProblem;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The buyer's invoice history, with each invoice's PDF and e-invoice. Agreement managers see every invoice of their
 * company, orderers the invoices of the orders they placed, customer service and admins every customer's; anyone
 * else finds nothing, and an invoice the caller may not see answers 404 like one that does not exist.
 */
@RestController
@Validated
@RequestMapping("/api/invoices")
class InvoiceHistoryController {

	private final Invoices invoices;

	private final Payments payments;

	private final InvoicePdf pdf;

	private final PeppolDocument peppol;

	private final InvoicingProperties properties;

	private final Clock clock;

	InvoiceHistoryController(Invoices invoices, Payments payments, InvoicePdf pdf, PeppolDocument peppol,
			InvoicingProperties properties, Clock clock) {
		this.invoices = invoices;
		this.payments = payments;
		this.pdf = pdf;
		this.peppol = peppol;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping
	InvoiceList list(@RequestParam(required = false) @Pattern(
			regexp = "OPEN|PARTIALLY_PAID|PAID|CREDITED|OVERDUE") String status,
			@RequestParam(required = false) Invoice.Kind kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) @Size(max = 40) String order,
			@RequestParam(required = false) @Size(max = 40) String purchaseOrderNumber,
			@RequestParam(required = false) UUID siteId, @RequestParam(required = false) UUID customerId,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit, Caller caller) {
		if (from != null && to != null && from.isAfter(to)) {
			throw ApiProblem.invalid("from", "INVALID_VALUE", "from must not be after to");
		}
		Scope scope = Scope.of(caller, customerId);
		LocalDate today = today();
		List<InvoiceSummary> items = this.invoices
			.search(new InvoiceFilter(scope.customerId(), scope.placedBy(), status, kind, from, to, order,
					purchaseOrderNumber, siteId, today, limit))
			.stream()
			.map(invoice -> InvoiceSummary.of(invoice, today))
			.toList();
		return new InvoiceList(items, items.size());
	}

	@GetMapping("/{id}")
	InvoiceDetail one(@PathVariable UUID id, Caller caller) {
		Invoice invoice = visible(id, caller);
		return InvoiceDetail.of(invoice, this.payments.ofInvoice(id), today());
	}

	@GetMapping(path = "/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> pdf(@PathVariable UUID id, @RequestParam(required = false) @Pattern(
			regexp = "fi|sv|en") String lang, Caller caller) {
		Invoice invoice = visible(id, caller);
		String language = (lang != null) ? lang : invoice.language();
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(invoice.number() + ".pdf").build().toString())
			.header(HttpHeaders.CONTENT_LANGUAGE, language)
			.body(this.pdf.render(invoice, language));
	}

	/** The Peppol BIS Billing 3.0 (UBL 2.1) e-invoice. */
	@GetMapping(path = "/{id}/e-invoice", produces = MediaType.APPLICATION_XML_VALUE)
	ResponseEntity<String> eInvoice(@PathVariable UUID id, Caller caller) {
		Invoice invoice = visible(id, caller);
		Invoice credited = (invoice.creditsInvoiceId() != null)
				? this.invoices.find(invoice.creditsInvoiceId()).orElse(null) : null;
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_XML)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(invoice.number() + ".xml").build().toString())
			.body(this.peppol.render(invoice, credited));
	}

	private Invoice visible(UUID id, Caller caller) {
		// The role first: a caller invoices are not for gets 403 whether the id exists or not.
		Scope scope = Scope.of(caller, null);
		Invoice invoice = this.invoices.find(id).orElseThrow(() -> notFound(id));
		boolean customer = scope.customerId() == null || scope.customerId().equals(invoice.customerId());
		boolean orderer = scope.placedBy() == null
				|| invoice.lines().stream().anyMatch(line -> scope.placedBy().equals(line.placedBy()));
		if (!customer || !orderer) {
			throw notFound(id);
		}
		return invoice;
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(this.properties.zone()));
	}

	private static ApiProblem notFound(UUID id) {
		return ApiProblem.notFound("There is no invoice " + id);
	}

	/** What the caller may see: one customer's invoices, perhaps only those of orders they placed. */
	record Scope(UUID customerId, String placedBy) {

		static Scope of(Caller caller, UUID requestedCustomer) {
			if (caller.isStaff()) {
				return new Scope(requestedCustomer, null);
			}
			if (caller.isBuyer() && caller.has(Roles.AGREEMENT_MANAGER)) {
				return new Scope(caller.customerId(), null);
			}
			if (caller.isBuyer()) {
				return new Scope(caller.customerId(), caller.subject());
			}
			throw ApiProblem.forbidden("Invoices are for the buyer's agreement managers and orderers, customer "
					+ "service and admins.");
		}
	}

	record InvoiceList(List<InvoiceSummary> items, int total) {
	}
}
