package org.leverans.delivery.feedback;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How receivers rate each carrier's deliveries: the share they saw arrive on time and unloaded fine, what they last
 * wrote, and the claims against the carrier (goods damaged on the way, late trucks). It is what the people on site say, beside what the carrier reported (the delivery accuracy report).
 */
@Component
class CarrierScorecards {

	private static final int LATEST_COMMENTS = 5;

	private final JdbcClient jdbc;

	CarrierScorecards(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Scorecard> scorecards() {
		Map<String, List<Comment>> comments = this.jdbc.sql("""
				SELECT carrier, site_name, comment, rated_at FROM (
				    SELECT s.carrier, s.site_name, f.comment, f.rated_at,
				           row_number() OVER (PARTITION BY s.carrier ORDER BY f.rated_at DESC) AS latest
				    FROM delivery_feedback f JOIN shipment s ON s.id = f.shipment_id
				    WHERE f.comment IS NOT NULL) c
				WHERE latest <= :latest ORDER BY carrier, rated_at DESC""")
			.param("latest", LATEST_COMMENTS)
			.query((rs, n) -> new Comment(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Comment::carrier));
		Map<String, Claims> claims = new java.util.HashMap<>();
		this.jdbc.sql("""
				SELECT carrier, count(*) FILTER (WHERE status <> 'REJECTED'), count(*) FILTER (WHERE status = 'ACCEPTED')
				FROM claim_tally WHERE against = 'CARRIER' AND carrier IS NOT NULL GROUP BY carrier""")
			.query((rs) -> {
				claims.put(rs.getString(1), new Claims(rs.getInt(2), rs.getInt(3)));
			});
		Map<String, Scorecard> cards = new java.util.TreeMap<>();
		this.jdbc.sql("""
				SELECT s.carrier, count(*), count(*) FILTER (WHERE f.on_time), count(*) FILTER (WHERE f.unloaded_fine)
				FROM delivery_feedback f JOIN shipment s ON s.id = f.shipment_id
				GROUP BY s.carrier""")
			.query((rs) -> {
				String carrier = rs.getString(1);
				cards.put(carrier, new Scorecard(carrier, rs.getInt(2), percent(rs.getInt(3), rs.getInt(2)),
						percent(rs.getInt(4), rs.getInt(2)), comments.getOrDefault(carrier, List.of()),
						claims.getOrDefault(carrier, Claims.NONE)));
			});
		// A carrier claimed against but not yet rated still has a scorecard.
		claims.forEach((carrier, counted) -> cards.putIfAbsent(carrier,
				new Scorecard(carrier, 0, null, null, comments.getOrDefault(carrier, List.of()), counted)));
		return List.copyOf(cards.values());
	}

	/** Claims against the supplier (short, wrong item, other) by reason: filed and upheld, never rejected ones. */
	List<SupplierClaims> supplierClaims() {
		return this.jdbc.sql("""
				SELECT reason, count(*) FILTER (WHERE status <> 'REJECTED'), count(*) FILTER (WHERE status = 'ACCEPTED')
				FROM claim_tally WHERE against = 'SUPPLIER' GROUP BY reason ORDER BY reason""")
			.query((rs, n) -> new SupplierClaims(rs.getString(1), new Claims(rs.getInt(2), rs.getInt(3))))
			.list();
	}

	static BigDecimal percent(int part, int whole) {
		return BigDecimal.valueOf(100L * part).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_EVEN);
	}

	/** One carrier as receivers rated it; shares in percent of its ratings. */
	record Scorecard(String carrier, int ratings, BigDecimal onTimePercent, BigDecimal unloadedFinePercent,
			List<Comment> latestComments, Claims claims) {
	}

	/**
	 * @param open claims filed and not rejected (open or accepted)
	 * @param accepted claims customer service upheld
	 */
	record Claims(int open, int accepted) {

		static final Claims NONE = new Claims(0, 0);
	}

	record SupplierClaims(String reason, Claims claims) {
	}

	record Comment(String carrier, String siteName, String text, Instant ratedAt) {
	}
}
