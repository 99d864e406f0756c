package org.leverans.delivery.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.leverans.web.report.ReportPeriod;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On-time delivery for the buyer's report: of a customer's delivered shipments, the share that arrived inside the
 * window the shipment showed the day before (the last window shown at least 24 hours before the arrival). A shipment
 * planned less than a day before its arrival had no such window; it is measured against the first window it showed,
 * the earliest promise the buyer saw. The period's months are counted in each site's own time zone.
 */
@Component
class OnTimeReports {

	private static final String QUERY = """
			SELECT %s, count(*) AS delivered,
			count(*) FILTER (WHERE s.delivered_at BETWEEN coalesce(d.window_from, e.window_from)
			                 AND coalesce(d.window_to, e.window_to)) AS on_time
			FROM shipment s
			LEFT JOIN LATERAL (SELECT window_from, window_to FROM shipment_window w
			                   WHERE w.shipment_id = s.id AND w.shown_from <= s.delivered_at - INTERVAL '1 day'
			                   ORDER BY w.shown_from DESC, w.id DESC LIMIT 1) d ON true
			LEFT JOIN LATERAL (SELECT window_from, window_to FROM shipment_window w
			                   WHERE w.shipment_id = s.id ORDER BY w.shown_from, w.id LIMIT 1) e ON true
			WHERE s.delivered_at IS NOT NULL AND e.window_from IS NOT NULL
			AND (s.delivered_at AT TIME ZONE s.time_zone)::date BETWEEN ? AND ?""";

	private final JdbcClient jdbc;

	OnTimeReports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<OnTimeRow> onTime(OnTimeBy by, UUID customerId, ReportPeriod period, UUID siteId) {
		List<Object> params = new ArrayList<>(List.of(Date.valueOf(period.firstDay()), Date.valueOf(period.lastDay())));
		String sql = QUERY.formatted((by == OnTimeBy.SITE) ? "s.site_id::text, max(s.site_name)" : "s.carrier, s.carrier");
		if (customerId != null) {
			sql += " AND s.customer_id = ?";
			params.add(customerId);
		}
		if (siteId != null) {
			sql += " AND s.site_id = ?";
			params.add(siteId);
		}
		sql += (by == OnTimeBy.SITE) ? " GROUP BY s.site_id ORDER BY 2, 1" : " GROUP BY s.carrier ORDER BY 1";
		return this.jdbc.sql(sql)
			.params(params)
			.query((rs, n) -> OnTimeRow.of(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)))
			.list();
	}

	enum OnTimeBy {

		SITE, CARRIER

	}

	/**
	 * @param key the site's id or the carrier's code
	 * @param name the site's name, or the carrier's code again
	 * @param rate the share delivered on time, 0…1
	 */
	@JsonPropertyOrder({ "key", "name", "delivered", "onTime", "rate" })
	record OnTimeRow(String key, String name, int delivered, int onTime, BigDecimal rate) {

		static OnTimeRow of(String key, String name, int delivered, int onTime) {
			return new OnTimeRow(key, (name != null) ? name : key, delivered, onTime,
					BigDecimal.valueOf(onTime).divide(BigDecimal.valueOf(delivered), 3, RoundingMode.HALF_EVEN));
		}
	}
}
