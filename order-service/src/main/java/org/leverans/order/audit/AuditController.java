package org.leverans.order.audit;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Customer service and the supplier's admin look back on what staff did on customers' behalf. */
@RestController
class AuditController {

	private final AuditLog log;

	AuditController(AuditLog log) {
		this.log = log;
	}

	@GetMapping("/api/support/audit")
	Entries entries(@RequestParam(required = false) UUID customerId, @RequestParam(required = false) UUID orderId) {
		return new Entries(this.log.entries(customerId, orderId));
	}

	record Entries(List<AuditEntry> items) {
	}
}
