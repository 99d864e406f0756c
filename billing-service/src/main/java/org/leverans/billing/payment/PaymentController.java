package org.leverans.billing.payment;

import java.util.List;

import jakarta.validation.Valid;

import org.leverans.web.problem.ApiProblem;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Where the supplier's ERP reports the payments its bank received: one at a time as JSON, or as the bank's
 * camt.054 notification file. Sending the same payment again (same external id) records it once.
 */
@RestController
@RequestMapping("/api/admin/billing/payments")
class PaymentController {

	private final Payments payments;

	PaymentController(Payments payments) {
		this.payments = payments;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	Payment receive(@Valid @RequestBody PaymentInput payment) {
		return this.payments.receive(List.of(payment), Payment.Source.API).get(0);
	}

	/** The camt.054 file as the request body ({@code application/xml}). */
	@PostMapping(path = "/camt054", consumes = { MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE })
	Received camt054(@RequestBody byte[] file) {
		return new Received(this.payments.receive(Camt054.read(file), Payment.Source.CAMT054));
	}

	/** The camt.054 file uploaded from a form ({@code multipart/form-data}, part {@code file}). */
	@PostMapping(path = "/camt054", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	Received camt054(@org.springframework.web.bind.annotation.RequestPart("file") MultipartFile file)
			throws java.io.IOException {
		if (file.isEmpty()) {
			throw ApiProblem.invalid("file", "REQUIRED", "The camt.054 file is empty");
		}
		return camt054(file.getBytes());
	}

	record Received(List<Payment> payments) {
	}
}
