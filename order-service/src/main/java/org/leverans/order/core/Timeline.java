package org.leverans.order.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.leverans.messaging.WrittenOncePerTransaction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.leverans.messaging.WrittenOncePerTransaction.column;

/**
 * Every event applied to an order, in the order it was applied. Entries that changed the order's status carry the
 * new status; together they are the status history.
 */
@Repository
public class Timeline {

	private final JdbcClient jdbc;

	private final WrittenOncePerTransaction<Entry> recorded;

	public Timeline(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.recorded = WrittenOncePerTransaction.of(this::write);
	}

	/** Written with the other entries of the transaction, in one statement as it commits. */
	public void record(Entry entry) {
		this.recorded.add(entry);
	}

	/** One statement for all entries of a transaction, in the order they were recorded: their ids keep that order. */
	private void write(List<Entry> entries) {
		this.jdbc.sql("""
				INSERT INTO order_timeline (order_id, recorded_at, occurred_at, type, summary, status, reason,
				    shipment_id, event_id, window_from, window_to, window_basis, invoice_id, invoice_number,
				    credit_note_number, amount, currency, due_date, open_amount)
				SELECT order_id::uuid, recorded_at::timestamptz, occurred_at::timestamptz, type, summary, status, reason,
				    shipment_id::uuid, event_id, window_from::timestamptz, window_to::timestamptz, window_basis,
				    invoice_id::uuid, invoice_number, credit_note_number, amount::numeric, currency, due_date::date,
				    open_amount::numeric
				FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
				    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
				    ?::text[], ?::text[])
				    WITH ORDINALITY AS entry(order_id, recorded_at, occurred_at, type, summary, status, reason,
				        shipment_id, event_id, window_from, window_to, window_basis, invoice_id, invoice_number,
				        credit_note_number, amount, currency, due_date, open_amount, position)
				ORDER BY position""")
			.params(column(entries, Entry::orderId), column(entries, Entry::recordedAt),
					column(entries, Entry::occurredAt), column(entries, Entry::type), column(entries, Entry::summary),
					column(entries, e -> (e.status() != null) ? e.status().name() : null),
					column(entries, Entry::reason), column(entries, Entry::shipmentId), column(entries, Entry::eventId),
					column(entries, e -> (e.window() != null) ? e.window().from() : null),
					column(entries, e -> (e.window() != null) ? e.window().to() : null),
					column(entries, e -> (e.window() != null) ? e.window().basis() : null),
					column(entries, e -> (e.invoice() != null) ? e.invoice().id() : null),
					column(entries, e -> (e.invoice() != null) ? e.invoice().number() : null),
					column(entries, e -> (e.invoice() != null) ? e.invoice().creditNoteNumber() : null),
					column(entries, e -> (e.invoice() != null) ? e.invoice().amount() : null),
					column(entries, e -> (e.invoice() != null) ? e.invoice().currency() : null),
					column(entries, e -> (e.invoice() != null) ? e.invoice().dueDate() : null),
					column(entries, e -> (e.invoice() != null) ? e.invoice().openAmount() : null))
			.update();
	}


	public List<Entry> of(UUID orderId) {
		this.recorded.flush();
		return this.jdbc.sql("""
				SELECT order_id, recorded_at, occurred_at, type, summary, status, reason, shipment_id, event_id,
				    window_from, window_to, window_basis, invoice_id, invoice_number, credit_note_number, amount,
				    currency, due_date, open_amount
				FROM order_timeline WHERE order_id = ? ORDER BY id""").param(orderId).query((rs, n) -> {
			String status = rs.getString("status");
			Instant windowFrom = Columns.instant(rs, "window_from");
			Instant windowTo = Columns.instant(rs, "window_to");
			UUID invoiceId = rs.getObject("invoice_id", UUID.class);
			return new Entry(rs.getObject("order_id", UUID.class), Columns.instant(rs, "recorded_at"),
					Columns.instant(rs, "occurred_at"), rs.getString("type"), rs.getString("summary"),
					(status != null) ? OrderStatus.valueOf(status) : null, rs.getString("reason"),
					rs.getObject("shipment_id", UUID.class), rs.getString("event_id"),
					(windowFrom != null && windowTo != null)
							? new Window(windowFrom, windowTo, rs.getString("window_basis")) : null,
					(invoiceId != null) ? new Invoice(invoiceId, rs.getString("invoice_number"),
							rs.getString("credit_note_number"), rs.getBigDecimal("amount"), rs.getString("currency"),
							rs.getObject("due_date", LocalDate.class), rs.getBigDecimal("open_amount")) : null);
		}).list();
	}

	/**
	 * @param occurredAt when it happened according to its source (e.g. a partner's scan), if known
	 * @param status the order's status after this entry, if the entry changed it
	 * @param eventId the CloudEvents id of the event applied, if it came from Kafka
	 * @param window the shipment's delivery window the entry announced, if any; kept as instants (not in the
	 * summary) so each reader shows it in their own time zone
	 * @param invoice the invoice the entry is about (issued, credited or paid), if any
	 */
	public record Entry(UUID orderId, Instant recordedAt, Instant occurredAt, String type, String summary,
			OrderStatus status, String reason, UUID shipmentId, String eventId, Window window, Invoice invoice) {

		public Entry(UUID orderId, Instant recordedAt, Instant occurredAt, String type, String summary,
				OrderStatus status, String reason, UUID shipmentId, String eventId, Window window) {
			this(orderId, recordedAt, occurredAt, type, summary, status, reason, shipmentId, eventId, window, null);
		}

		public static Entry invoiceEvent(UUID orderId, Instant recordedAt, Instant occurredAt, String type,
				String summary, String eventId, Invoice invoice) {
			return new Entry(orderId, recordedAt, occurredAt, type, summary, null, null, null, eventId, null,
					invoice);
		}

		public static Entry event(UUID orderId, Instant recordedAt, Instant occurredAt, String type, String summary,
				UUID shipmentId, String eventId) {
			return shipmentEvent(orderId, recordedAt, occurredAt, type, summary, shipmentId, eventId, null);
		}

		public static Entry shipmentEvent(UUID orderId, Instant recordedAt, Instant occurredAt, String type,
				String summary, UUID shipmentId, String eventId, Window window) {
			return new Entry(orderId, recordedAt, occurredAt, type, summary, null, null, shipmentId, eventId, window);
		}

		public static Entry statusChange(UUID orderId, Instant at, String type, OrderStatus status, String reason) {
			return new Entry(orderId, at, at, type, "Order is now " + status, status, reason, null, null, null);
		}
	}

	/**
	 * The invoice an entry is about, as billing-service announced it.
	 *
	 * @param creditNoteNumber the credit note's number, for a credit note
	 * @param amount what the entry is about: the invoice's total, the credit note's total, or the payment
	 * @param dueDate the invoice's due date, when the event names it (InvoiceIssued)
	 * @param openAmount what the invoice still asks after the entry
	 */
	public record Invoice(UUID id, String number, String creditNoteNumber, BigDecimal amount, String currency,
			LocalDate dueDate, BigDecimal openAmount) {
	}

	/** A delivery window: from and to as instants, and what it rests on (PLANNED, CARRIER_ETA, …). */
	public record Window(Instant from, Instant to, String basis) {
	}
}
