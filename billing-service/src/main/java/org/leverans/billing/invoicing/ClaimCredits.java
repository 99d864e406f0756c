package org.leverans.billing.invoicing;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.leverans.contracts.claim.ClaimAccepted;
import org.leverans.contracts.claim.ClaimedLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Accepted claims' goods waiting to be credited. A claim is credited in one credit note per invoice that charged the
 * claimed goods, once every claimed quantity is on an invoice and not credited already; until then it waits, and is
 * tried again whenever one of the order's invoices is issued.
 */
@Component
class ClaimCredits {

	private static final Logger logger = LoggerFactory.getLogger(ClaimCredits.class);

	private static final TypeReference<List<ClaimedLine>> LINES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final Invoices invoices;

	private final JsonMapper json;

	ClaimCredits(JdbcClient jdbc, Invoices invoices, JsonMapper json) {
		this.jdbc = jdbc;
		this.invoices = invoices;
		this.json = json;
	}

	void record(ClaimAccepted claim) {
		String reason = "Claim " + claim.claimNumber() + " on order " + claim.orderNumber() + " accepted"
				+ ((claim.note() != null) ? ": " + claim.note() : "");
		this.jdbc.sql("""
				INSERT INTO claim_credit (claim_id, claim_number, order_id, shipment_id, lines, reason, accepted_at)
				VALUES (?, ?, ?, ?, ?::jsonb, ?, ?) ON CONFLICT (claim_id) DO NOTHING""")
			.params(claim.claimId(), claim.claimNumber(), claim.orderId(), claim.shipmentId(),
					this.json.writeValueAsString(claim.lines()), reason, Timestamp.from(claim.decidedAt()))
			.update();
	}

	/** Credits the order's waiting claims whose goods are all invoiced; the others keep waiting. */
	void credit(UUID orderId, Creditor creditor) {
		List<Waiting> waiting = this.jdbc.sql("""
				SELECT claim_id, claim_number, shipment_id, lines::text AS lines, reason FROM claim_credit
				WHERE order_id = ? AND credit_note_id IS NULL ORDER BY accepted_at FOR UPDATE""")
			.param(orderId)
			.query((rs, n) -> new Waiting(rs.getObject("claim_id", UUID.class), rs.getString("claim_number"),
					rs.getObject("shipment_id", UUID.class), this.json.readValue(rs.getString("lines"), LINES),
					rs.getString("reason")))
			.list();
		for (Waiting claim : waiting) {
			Map<UUID, Map<Integer, Integer>> plan = plan(orderId, claim);
			if (plan == null) {
				logger.info("Claim {} of order {} waits for its goods to be invoiced", claim.number(), orderId);
				continue;
			}
			UUID firstNote = null;
			for (Map.Entry<UUID, Map<Integer, Integer>> invoice : plan.entrySet()) {
				Invoice note = creditor.credit(invoice.getKey(), invoice.getValue(), claim.reason());
				firstNote = (firstNote != null) ? firstNote : note.id();
			}
			this.jdbc.sql("UPDATE claim_credit SET credit_note_id = ? WHERE claim_id = ?")
				.params(firstNote, claim.id())
				.update();
		}
	}

	/**
	 * Per invoice, which of its lines to credit and how much: the claimed goods taken from the invoices that charged
	 * them (the claim's shipment only, when it names one), oldest first; {@code null} while some are not invoiced.
	 */
	private Map<UUID, Map<Integer, Integer>> plan(UUID orderId, Waiting claim) {
		record Charged(UUID invoiceId, int lineNo, int orderLineNo, int quantity) {
		}
		List<Charged> charged = this.jdbc.sql("""
				SELECT line.invoice_id, line.line_no, line.order_line_no, line.quantity FROM invoice_line line
				JOIN invoice ON invoice.id = line.invoice_id
				WHERE line.order_id = ? AND invoice.kind = 'INVOICE' AND line.kind = 'GOODS'
				  AND (CAST(? AS uuid) IS NULL OR line.shipment_id = ?)
				ORDER BY invoice.issued_at, invoice.number, line.line_no""")
			.params(orderId, claim.shipmentId(), claim.shipmentId())
			.query((rs, n) -> new Charged(rs.getObject("invoice_id", UUID.class), rs.getInt("line_no"),
					rs.getInt("order_line_no"), rs.getInt("quantity")))
			.list();
		Map<UUID, Map<Integer, Invoices.Credited>> credited = new LinkedHashMap<>();
		Map<UUID, Map<Integer, Integer>> plan = new LinkedHashMap<>();
		for (ClaimedLine claimed : claim.lines()) {
			int wanted = claimed.quantity();
			for (Charged line : charged) {
				if (wanted == 0) {
					break;
				}
				if (line.orderLineNo() != claimed.lineNo()) {
					continue;
				}
				int already = credited.computeIfAbsent(line.invoiceId(), this.invoices::credited)
					.getOrDefault(line.lineNo(), Invoices.Credited.NONE)
					.quantity() + plan.getOrDefault(line.invoiceId(), Map.of()).getOrDefault(line.lineNo(), 0);
				int take = Math.min(wanted, line.quantity() - already);
				if (take > 0) {
					plan.computeIfAbsent(line.invoiceId(), (id) -> new LinkedHashMap<>())
						.merge(line.lineNo(), take, Integer::sum);
					wanted -= take;
				}
			}
			if (wanted > 0) {
				return null;
			}
		}
		return plan;
	}

	/** Issues a credit note for these quantities of an invoice's lines. */
	interface Creditor {

		Invoice credit(UUID invoiceId, Map<Integer, Integer> quantities, String reason);
	}

	private record Waiting(UUID id, String number, UUID shipmentId, List<ClaimedLine> lines, String reason) {
	}
}
