package org.leverans.notification.subscription;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.leverans.notification.PostgresArrays.literal;
import static org.leverans.notification.PostgresArrays.strings;

/** The {@code site_subscription} table, and which customer a site belongs to as far as this service knows. */
@Repository
class SiteSubscriptions {

	private final JdbcClient jdbc;

	SiteSubscriptions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<SiteSubscription> find(UUID siteId) {
		return this.jdbc.sql("SELECT * FROM site_subscription WHERE site_id = ?")
			.params(siteId)
			.query(SiteSubscriptions::row)
			.optional();
	}

	/** The subscriptions of these sites, in site id order (so one is picked the same way every time). */
	List<SiteSubscription> of(Collection<UUID> siteIds) {
		if (siteIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT * FROM site_subscription WHERE site_id = ANY(?::uuid[]) ORDER BY site_id")
			.params(literal(siteIds))
			.query(SiteSubscriptions::row)
			.list();
	}

	/** The customer's site subscriptions that chose an arrival lead time. */
	List<SiteSubscription> withArrivalLeadOf(UUID customerId) {
		return this.jdbc.sql("""
				SELECT * FROM site_subscription WHERE customer_id = ? AND arrival_lead_minutes IS NOT NULL
				ORDER BY site_id""")
			.params(customerId)
			.query(SiteSubscriptions::row)
			.list();
	}

	void save(SiteSubscription subscription) {
		this.jdbc.sql("""
				INSERT INTO site_subscription (site_id, customer_id, email_events, also_notify, arrival_lead_minutes,
				                               updated_by, updated_at)
				VALUES (?, ?, ?::text[], ?::text[], ?, ?, ?)
				ON CONFLICT (site_id) DO UPDATE
				SET email_events = EXCLUDED.email_events, also_notify = EXCLUDED.also_notify,
				    arrival_lead_minutes = EXCLUDED.arrival_lead_minutes, updated_by = EXCLUDED.updated_by,
				    updated_at = EXCLUDED.updated_at""")
			.params(subscription.siteId(), subscription.customerId(),
					(subscription.emailEvents() != null) ? literal(subscription.emailEvents()) : null,
					literal(subscription.alsoNotify()), subscription.arrivalLeadMinutes(), subscription.updatedBy(),
					Timestamp.from(subscription.updatedAt()))
			.update();
	}

	/**
	 * The customers this site is known to belong to: from the agreement events naming it, its subscription, the
	 * receivers whose tokens name it, and the orders and shipments delivering to it. Normally one; none for a site
	 * this service never heard of.
	 */
	/**
	 * An order's sites count only once it was accepted (its confirmation is stored): a placed order may name any
	 * site id, even another customer's, and is rejected for it, so its sites prove nothing about who owns them.
	 */
	List<UUID> customersOf(UUID siteId) {
		return this.jdbc.sql("""
				SELECT customer_id FROM agreement_site WHERE site_id = ?
				UNION SELECT customer_id FROM site_subscription WHERE site_id = ?
				UNION SELECT customer_id FROM subscriber WHERE ? = ANY(site_ids) AND customer_id IS NOT NULL
				UNION SELECT k.customer_id FROM order_site s JOIN known_order k ON k.order_id = s.order_id
				      JOIN order_confirmation c ON c.order_id = s.order_id
				      WHERE s.site_id = ?
				UNION SELECT customer_id FROM arrival_alert WHERE site_id = ? AND customer_id IS NOT NULL""")
			.params(siteId, siteId, siteId, siteId, siteId)
			.query(UUID.class)
			.list();
	}

	private static SiteSubscription row(ResultSet rs, int rowNum) throws SQLException {
		Array events = rs.getArray("email_events");
		return new SiteSubscription(rs.getObject("site_id", UUID.class), rs.getObject("customer_id", UUID.class),
				(events != null) ? strings(events) : null, strings(rs.getArray("also_notify")),
				(Integer) rs.getObject("arrival_lead_minutes"), rs.getString("updated_by"),
				rs.getTimestamp("updated_at").toInstant());
	}

}
