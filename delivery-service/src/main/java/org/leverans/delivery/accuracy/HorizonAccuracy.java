package org.leverans.delivery.accuracy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.leverans.delivery.window.WindowProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hit rates by horizon band: for every delivered shipment, the window it showed a set time before the actual
 * arrival (15 min, 1 h, 2 h 30, 8 h, 24 h: one moment inside each band), looked up in the windows it has shown.
 * Early arrivals count as misses; a band where no shipment had a window yet that long before is left out. Against
 * the calibration's target, so an admin sees where windows over- or under-promise.
 */
@Component
class HorizonAccuracy {

	private static final String QUERY = """
			SELECT %1$s AS carrier, b.band, b.minutes,
			       count(*) AS samples,
			       count(*) FILTER (WHERE p.delivered_at BETWEEN w.window_from AND w.window_to) AS hits,
			       avg(EXTRACT(EPOCH FROM (w.window_to - w.window_from)) / 60) AS width
			FROM delivery_promise p
			CROSS JOIN (VALUES ('UNDER_30_MIN', 15, 1), ('MIN_30_TO_90', 60, 2), ('H_1_5_TO_4', 150, 3),
			                   ('H_4_TO_12', 480, 4), ('DAY_BEFORE', 1440, 5)) AS b(band, minutes, ord)
			JOIN LATERAL (SELECT window_from, window_to FROM shipment_window sw
			              WHERE sw.shipment_id = p.shipment_id
			              AND sw.shown_from <= p.delivered_at - b.minutes * INTERVAL '1 minute'
			              ORDER BY sw.shown_from DESC, sw.id DESC LIMIT 1) w ON true
			GROUP BY %2$s b.band, b.minutes, b.ord
			ORDER BY %2$s b.ord""";

	private final JdbcClient jdbc;

	private final BigDecimal target;

	HorizonAccuracy(JdbcClient jdbc, WindowProperties properties) {
		this.jdbc = jdbc;
		this.target = BigDecimal.valueOf(properties.calibration().coverage());
	}

	/** By carrier code. */
	Map<String, List<Band>> byCarrier() {
		Map<String, List<Band>> bands = new HashMap<>();
		this.jdbc.sql(QUERY.formatted("p.carrier", "p.carrier,"))
			.query(rs -> {
				bands.computeIfAbsent(rs.getString(1), carrier -> new ArrayList<>())
					.add(band(rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getBigDecimal(6)));
			});
		return bands;
	}

	List<Band> overall() {
		return this.jdbc.sql(QUERY.formatted("NULL", ""))
			.query((rs, n) -> band(rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getBigDecimal(6)))
			.list();
	}

	private Band band(String band, int minutesBefore, int samples, int hits, BigDecimal width) {
		BigDecimal hitRate = (samples > 0)
				? BigDecimal.valueOf(hits).divide(BigDecimal.valueOf(samples), 3, RoundingMode.HALF_EVEN) : null;
		return new Band(band, minutesBefore, samples, hits, hitRate,
				(width != null) ? width.setScale(1, RoundingMode.HALF_EVEN) : null, this.target,
				(hitRate != null) ? hitRate.subtract(this.target) : null);
	}

	/**
	 * @param minutesBefore when, before the actual arrival, the window was looked up
	 * @param coverageTarget the share of arrivals calibrated windows are drawn to hold
	 * @param againstTarget hit rate minus the target: negative where windows promised more than they kept
	 */
	record Band(String band, int minutesBefore, int samples, int hits, BigDecimal hitRate,
			BigDecimal meanWidthMinutes, BigDecimal coverageTarget, BigDecimal againstTarget) {
	}
}
