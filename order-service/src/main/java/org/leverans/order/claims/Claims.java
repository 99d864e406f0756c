package org.leverans.order.claims;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.leverans.order.core.Columns;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Claims, their lines and their photos' descriptions (the photos' bytes are read only to be served). */
@Repository
class Claims {

	private static final String COLUMNS = """
			SELECT c.id, c.number, c.order_id, o.order_number, c.customer_id, o.customer_name, c.shipment_id,
			    c.carrier, c.reason, c.description, c.status, c.filed_by, c.filed_at, c.remedy, c.decision_note,
			    c.replacement_order_id, c.replacement_order_number, c.decided_by, c.decided_at
			FROM claim c JOIN customer_order o ON o.id = c.order_id
			""";

	private final JdbcClient jdbc;

	Claims(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	String nextNumber() {
		long next = this.jdbc.sql("SELECT nextval('claim_number_seq')").query(Long.class).single();
		return String.format("CL-%06d", next);
	}

	void insert(UUID id, String number, UUID orderId, UUID customerId, UUID shipmentId, String carrier,
			ClaimReason reason, String description, List<Claim.Line> lines, String filedBy, Instant filedAt,
			String idempotencyKey, String requestHash) {
		this.jdbc.sql("""
				INSERT INTO claim (id, number, order_id, customer_id, shipment_id, carrier, reason, description, status,
				    filed_by, filed_at, idempotency_key, request_hash)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?)""")
			.params(id, number, orderId, customerId, shipmentId, carrier, reason.name(), description, filedBy,
					Timestamp.from(filedAt), idempotencyKey, requestHash)
			.update();
		for (Claim.Line line : lines) {
			this.jdbc.sql("INSERT INTO claim_line (claim_id, line_no, sku, quantity) VALUES (?, ?, ?, ?)")
				.params(id, line.lineNo(), line.sku(), line.quantity())
				.update();
		}
	}

	/** The claim this person filed with this Idempotency-Key, and the hash of the request that filed it. */
	Optional<Filed> findFiled(String filedBy, String idempotencyKey) {
		return this.jdbc.sql("SELECT id, request_hash FROM claim WHERE filed_by = ? AND idempotency_key = ?")
			.params(filedBy, idempotencyKey)
			.query((rs, n) -> new Filed(rs.getObject("id", UUID.class), rs.getString("request_hash")))
			.optional();
	}

	Optional<Claim> find(UUID id) {
		return this.jdbc.sql(COLUMNS + " WHERE c.id = ?").param(id).query(this::claim).optional().map(this::complete);
	}

	/**
	 * Locks the claim's row and reads it, so two decisions on it, or a decision and a photo, happen one after the
	 * other.
	 */
	Optional<Claim> lock(UUID id) {
		return this.jdbc.sql("SELECT id FROM claim WHERE id = ? FOR UPDATE")
			.param(id)
			.query(UUID.class)
			.optional()
			.flatMap(this::find);
	}

	List<Claim> ofOrder(UUID orderId) {
		return completeAll(this.jdbc.sql(COLUMNS + " WHERE c.order_id = ? ORDER BY c.filed_at")
			.param(orderId)
			.query(this::claim)
			.list());
	}

	/** Claims in one status, oldest first: customer service's queue. */
	List<Claim> inStatus(Claim.Status status, int limit) {
		return completeAll(this.jdbc.sql(COLUMNS + " WHERE c.status = ? ORDER BY c.filed_at LIMIT ?")
			.params(status.name(), limit)
			.query(this::claim)
			.list());
	}

	/** How much of each of the order's lines open and accepted claims already name. */
	Map<Integer, Integer> claimedQuantities(UUID orderId) {
		Map<Integer, Integer> claimed = new HashMap<>();
		this.jdbc.sql("""
				SELECT l.line_no, SUM(l.quantity) AS quantity FROM claim_line l JOIN claim c ON c.id = l.claim_id
				WHERE c.order_id = ? AND c.status <> 'REJECTED' GROUP BY l.line_no""")
			.param(orderId)
			.query((rs) -> {
				claimed.put(rs.getInt("line_no"), rs.getInt("quantity"));
			});
		return claimed;
	}

	void decide(UUID id, Claim.Status status, Claim.Remedy remedy, String note, UUID replacementOrderId,
			String replacementOrderNumber, String decidedBy, Instant decidedAt) {
		this.jdbc.sql("""
				UPDATE claim SET status = ?, remedy = ?, decision_note = ?, replacement_order_id = ?,
				    replacement_order_number = ?, decided_by = ?, decided_at = ?
				WHERE id = ?""")
			.params(status.name(), (remedy != null) ? remedy.name() : null, note, replacementOrderId,
					replacementOrderNumber, decidedBy, Timestamp.from(decidedAt), id)
			.update();
	}

	int photoCount(UUID claimId) {
		return this.jdbc.sql("SELECT count(*) FROM claim_photo WHERE claim_id = ?")
			.param(claimId)
			.query(Integer.class)
			.single();
	}

	Optional<UUID> photoWithHash(UUID claimId, String sha256) {
		return this.jdbc.sql("SELECT id FROM claim_photo WHERE claim_id = ? AND sha256 = ?")
			.params(claimId, sha256)
			.query(UUID.class)
			.optional();
	}

	void insertPhoto(UUID id, UUID claimId, PhotoCheck.Checked photo, String sha256, String uploadedBy,
			Instant uploadedAt) {
		this.jdbc.sql("""
				INSERT INTO claim_photo (id, claim_id, content_type, width, height, size_bytes, sha256, content,
				    uploaded_by, uploaded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, claimId, photo.contentType(), photo.width(), photo.height(), photo.bytes().length, sha256,
					photo.bytes(), uploadedBy, Timestamp.from(uploadedAt))
			.update();
	}

	Optional<StoredPhoto> photo(UUID claimId, UUID photoId) {
		return this.jdbc.sql("SELECT content_type, content FROM claim_photo WHERE claim_id = ? AND id = ?")
			.params(claimId, photoId)
			.query((rs, n) -> new StoredPhoto(rs.getString("content_type"), rs.getBytes("content")))
			.optional();
	}

	private Claim complete(Claim claim) {
		return completeAll(List.of(claim)).get(0);
	}

	private List<Claim> completeAll(List<Claim> claims) {
		if (claims.isEmpty()) {
			return claims;
		}
		Collection<UUID> ids = claims.stream().map(Claim::id).toList();
		Map<UUID, List<Claim.Line>> lines = new HashMap<>();
		this.jdbc.sql("""
				SELECT l.claim_id, l.line_no, l.sku, ol.name, l.quantity
				FROM claim_line l JOIN claim c ON c.id = l.claim_id
				LEFT JOIN order_line ol ON ol.order_id = c.order_id AND ol.line_no = l.line_no
				WHERE l.claim_id IN (:ids) ORDER BY l.line_no""")
			.param("ids", ids)
			.query((rs) -> {
				lines.computeIfAbsent(rs.getObject("claim_id", UUID.class), (k) -> new ArrayList<>())
					.add(new Claim.Line(rs.getInt("line_no"), rs.getString("sku"), rs.getString("name"),
							rs.getInt("quantity")));
			});
		Map<UUID, List<Claim.Photo>> photos = new HashMap<>();
		this.jdbc.sql("""
				SELECT id, claim_id, content_type, width, height, size_bytes FROM claim_photo
				WHERE claim_id IN (:ids) ORDER BY uploaded_at, id""")
			.param("ids", ids)
			.query((rs) -> {
				UUID claimId = rs.getObject("claim_id", UUID.class);
				UUID id = rs.getObject("id", UUID.class);
				photos.computeIfAbsent(claimId, (k) -> new ArrayList<>())
					.add(new Claim.Photo(id, rs.getString("content_type"), rs.getInt("width"), rs.getInt("height"),
							rs.getInt("size_bytes"), "/api/claims/" + claimId + "/photos/" + id));
			});
		return claims.stream()
			.map(c -> new Claim(c.id(), c.number(), c.orderId(), c.orderNumber(), c.customerId(), c.customerName(),
					c.shipmentId(), c.carrier(), c.reason(), c.description(), c.status(),
					lines.getOrDefault(c.id(), List.of()), photos.getOrDefault(c.id(), List.of()), c.filedBy(),
					c.filedAt(), c.remedy(), c.decisionNote(), c.replacementOrderId(), c.replacementOrderNumber(),
					c.decidedBy(), c.decidedAt()))
			.toList();
	}

	private Claim claim(ResultSet rs, int row) throws SQLException {
		String remedy = rs.getString("remedy");
		return new Claim(rs.getObject("id", UUID.class), rs.getString("number"), rs.getObject("order_id", UUID.class),
				rs.getString("order_number"), rs.getObject("customer_id", UUID.class), rs.getString("customer_name"),
				rs.getObject("shipment_id", UUID.class), rs.getString("carrier"),
				ClaimReason.valueOf(rs.getString("reason")), rs.getString("description"),
				Claim.Status.valueOf(rs.getString("status")), List.of(), List.of(), rs.getString("filed_by"),
				Columns.instant(rs, "filed_at"), (remedy != null) ? Claim.Remedy.valueOf(remedy) : null,
				rs.getString("decision_note"), rs.getObject("replacement_order_id", UUID.class),
				rs.getString("replacement_order_number"), rs.getString("decided_by"),
				Columns.instant(rs, "decided_at"));
	}

	record Filed(UUID id, String requestHash) {
	}

	record StoredPhoto(String contentType, byte[] content) {
	}
}
