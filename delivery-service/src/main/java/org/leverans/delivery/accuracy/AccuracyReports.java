package org.leverans.delivery.accuracy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads how well the delivery windows kept their promise, per carrier and overall: of the delivered shipments, how often
 * the actual arrival fell inside the window shown four hours and one hour before, and how wide those windows were;
 * and the same by horizon band, against the calibration's coverage target.
 */
@Component
class AccuracyReports {

	private final JdbcClient jdbc;

	private final HorizonAccuracy horizons;

	AccuracyReports(JdbcClient jdbc, HorizonAccuracy horizons) {
		this.jdbc = jdbc;
		this.horizons = horizons;
	}

	AccuracyReport report() {
		Map<String, List<HorizonAccuracy.Band>> bands = this.horizons.byCarrier();
		List<CarrierAccuracy> carriers = this.jdbc.sql(query("carrier", "GROUP BY carrier ORDER BY carrier"))
			.query((rs, n) -> new CarrierAccuracy(rs.getString(1), rs.getInt(2),
					horizon(rs.getInt(3), rs.getInt(4), rs.getBigDecimal(5)),
					horizon(rs.getInt(6), rs.getInt(7), rs.getBigDecimal(8)),
					bands.getOrDefault(rs.getString(1), List.of())))
			.list();
		CarrierAccuracy overall = this.jdbc.sql(query("NULL", ""))
			.query((rs, n) -> new CarrierAccuracy(null, rs.getInt(2),
					horizon(rs.getInt(3), rs.getInt(4), rs.getBigDecimal(5)),
					horizon(rs.getInt(6), rs.getInt(7), rs.getBigDecimal(8)), List.of()))
			.single();
		return new AccuracyReport(carriers, new Overall(overall.delivered(), overall.fourHoursBefore(),
				overall.oneHourBefore(), this.horizons.overall()));
	}

	private static String query(String carrier, String tail) {
		return "SELECT " + carrier + """
				, count(*),
				count(h4_from),
				count(*) FILTER (WHERE delivered_at BETWEEN h4_from AND h4_to),
				avg(EXTRACT(EPOCH FROM (h4_to - h4_from)) / 60),
				count(h1_from),
				count(*) FILTER (WHERE delivered_at BETWEEN h1_from AND h1_to),
				avg(EXTRACT(EPOCH FROM (h1_to - h1_from)) / 60)
				FROM delivery_promise """ + " " + tail;
	}

	private static Horizon horizon(int samples, int hits, BigDecimal meanWidthMinutes) {
		return new Horizon(samples, hits,
				(samples > 0) ? BigDecimal.valueOf(hits).divide(BigDecimal.valueOf(samples), 3, RoundingMode.HALF_EVEN)
						: null,
				(meanWidthMinutes != null) ? meanWidthMinutes.setScale(1, RoundingMode.HALF_EVEN)
						: null);
	}

	record AccuracyReport(List<CarrierAccuracy> carriers, Overall overall) {
	}

	record Overall(int delivered, Horizon fourHoursBefore, Horizon oneHourBefore,
			List<HorizonAccuracy.Band> byHorizon) {
	}

	/** @param byHorizon hit rate, width and coverage against the target per horizon band */
	record CarrierAccuracy(String carrier, int delivered, Horizon fourHoursBefore, Horizon oneHourBefore,
			List<HorizonAccuracy.Band> byHorizon) {
	}

	/**
	 * @param samples delivered shipments that already had a window at this horizon
	 * @param hitRate share of those that arrived inside it (0…1)
	 */
	record Horizon(int samples, int hits, BigDecimal hitRate, BigDecimal meanWidthMinutes) {
	}
}
