package org.leverans.notification.subscription;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.leverans.contracts.TokenClaims.Roles;
import org.leverans.messaging.OncePerTransaction;
import org.leverans.notification.follow.Followed;
import org.leverans.notification.follow.Follows;
import org.leverans.notification.stream.EventKinds;
import org.leverans.notification.stream.PersonalArrivals;
import org.leverans.notification.stream.StreamEvent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.leverans.notification.PostgresArrays.literal;
import static org.leverans.notification.PostgresArrays.strings;

/** The {@code subscriber} table. */
@Repository
public class Subscribers {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Follows follows;

	private final SiteSubscriptions siteSubscriptions;

	// A planner's pass asks about up to hundreds of changes, mostly about the same customers and sites: asking the
	// database again for each was nearly half the statements this service made per order.
	private final OncePerTransaction<Set<UUID>, List<SiteSubscription>> subscriptionsOf;

	private final OncePerTransaction<Candidates, List<Subscriber>> withEmailWhoMaySee;

	private final OncePerTransaction<String, Followed> followed;

	Subscribers(JdbcClient jdbc, Clock clock, Follows follows, SiteSubscriptions siteSubscriptions) {
		this.jdbc = jdbc;
		this.siteSubscriptions = siteSubscriptions;
		this.follows = follows;
		this.clock = clock;
		this.subscriptionsOf = OncePerTransaction.of(siteSubscriptions::of);
		this.withEmailWhoMaySee = OncePerTransaction.of(this::readWithEmailWhoMaySee);
		this.followed = OncePerTransaction.of(follows::of);
	}

	/** Records who the person is now (their token may have changed), keeping what they chose. */
	void refresh(String subject, String name, String email, String locale, Collection<String> roles, UUID customerId,
			Collection<UUID> siteIds) {
		this.jdbc.sql("""
				INSERT INTO subscriber (subject, name, email, locale, roles, customer_id, site_ids, updated_at)
				VALUES (?, ?, ?, ?, ?::text[], ?, ?::uuid[], ?)
				ON CONFLICT (subject) DO UPDATE
				SET name = EXCLUDED.name, email = EXCLUDED.email, locale = EXCLUDED.locale, roles = EXCLUDED.roles,
				    customer_id = EXCLUDED.customer_id, site_ids = EXCLUDED.site_ids, updated_at = EXCLUDED.updated_at
				WHERE (subscriber.name, subscriber.email, subscriber.locale, subscriber.roles, subscriber.customer_id,
				       subscriber.site_ids)
				      IS DISTINCT FROM
				      (EXCLUDED.name, EXCLUDED.email, EXCLUDED.locale, EXCLUDED.roles, EXCLUDED.customer_id,
				       EXCLUDED.site_ids)""")
			.params(subject, name, email, locale, literal(roles), customerId, literal(siteIds),
					Timestamp.from(this.clock.instant()))
			.update();
	}

	/** Each {@code null} goes back to the defaults. */
	void choose(String subject, List<String> emailEvents, List<String> liveEvents, Integer arrivalLeadMinutes) {
		this.jdbc.sql("""
				UPDATE subscriber SET email_events = ?::text[], live_events = ?::text[], arrival_lead_minutes = ?,
				       updated_at = ?
				WHERE subject = ?""")
			.params((emailEvents != null) ? literal(emailEvents) : null,
					(liveEvents != null) ? literal(liveEvents) : null, arrivalLeadMinutes,
					Timestamp.from(this.clock.instant()), subject)
			.update();
	}

	Optional<Subscriber> find(String subject) {
		return this.jdbc.sql("SELECT * FROM subscriber WHERE subject = ?")
			.params(subject)
			.query(Subscribers::row)
			.optional();
	}

	/** The people with an e-mail address who may see the event and want it by e-mail. */
	public List<Subscriber> emailRecipientsOf(StreamEvent event) {
		return recipientsOf(event).stream().map(Recipient::subscriber).toList();
	}

	/**
	 * The people with an e-mail address who may see the event and want it by e-mail, each with the arrival lead
	 * time of the subscription that speaks for them. A person's own choice wins; without one, the subscription of
	 * a site they receive at replaces the receiver defaults; a site that names someone adds its events to theirs.
	 */
	public List<Recipient> recipientsOf(StreamEvent event) {
		List<SiteSubscription> sites = this.subscriptionsOf.get(event.siteIds());
		Set<String> named = sites.stream()
			.flatMap(site -> site.alsoNotify().stream())
			.collect(Collectors.toUnmodifiableSet());
		List<Subscriber> candidates = this.withEmailWhoMaySee
			.get(new Candidates(event.customerId(), event.siteIds(), named));
		List<Recipient> recipients = new ArrayList<>();
		for (Subscriber subscriber : candidates) {
			if (!subscriber.audience(followedBy(subscriber)).sees(event)) {
				continue;
			}
			SiteSubscription site = sites.stream().filter(s -> s.appliesTo(subscriber)).findFirst().orElse(null);
			if (EventKinds.matches(emailEventsOf(subscriber, site), event)) {
				recipients.add(new Recipient(subscriber, arrivalLeadOf(subscriber, site)));
			}
		}
		return recipients;
	}

	/** Who to ask about a change: its customer's people, its sites' receivers and the people its sites name. */
	private record Candidates(UUID customerId, Set<UUID> siteIds, Set<String> named) {
	}

	/** Staff, and the people of the customer, the sites or the names, who have an e-mail address. */
	private List<Subscriber> readWithEmailWhoMaySee(Candidates who) {
		return this.jdbc.sql("""
				SELECT * FROM subscriber
				WHERE email IS NOT NULL AND email <> ''
				  AND (roles && ?::text[] OR customer_id = ? OR site_ids && ?::uuid[] OR subject = ANY(?::text[]))
				ORDER BY subject""")
			.params(literal(List.of(Roles.ADMIN, Roles.CUSTOMER_SERVICE)), who.customerId(), literal(who.siteIds()),
					literal(who.named()))
			.query(Subscribers::row)
			.list();
	}

	/**
	 * The people who may see the event, e-mail address or not, whose "arriving soon" lead time (their own, else
	 * that of the site subscription that speaks for them) is not {@code defaultMinutes}: those who get it on their
	 * live stream at their own time rather than with the shared alert. The same rule as
	 * {@link #personalArrivals(String, long)}, so each person gets exactly one of the two.
	 */
	public List<Recipient> ownArrivalLeadsOf(StreamEvent event, long defaultMinutes) {
		List<SiteSubscription> sites = this.subscriptionsOf.get(event.siteIds());
		List<Subscriber> candidates = this.jdbc.sql("""
				SELECT * FROM subscriber
				WHERE roles && ?::text[] OR customer_id = ? OR site_ids && ?::uuid[]
				ORDER BY subject""")
			.params(literal(List.of(Roles.ADMIN, Roles.CUSTOMER_SERVICE)), event.customerId(), literal(event.siteIds()))
			.query(Subscribers::row)
			.list();
		List<Recipient> recipients = new ArrayList<>();
		for (Subscriber subscriber : candidates) {
			if (!subscriber.audience(followedBy(subscriber)).sees(event)) {
				continue;
			}
			SiteSubscription site = sites.stream().filter(s -> s.appliesTo(subscriber)).findFirst().orElse(null);
			Integer lead = arrivalLeadOf(subscriber, site);
			if (isOwn(lead, defaultMinutes)) {
				recipients.add(new Recipient(subscriber, lead));
			}
		}
		return recipients;
	}

	/** Where the person's "arriving soon" is their own rather than the shared one; see {@link #ownArrivalLeadsOf}. */
	public PersonalArrivals personalArrivals(String subject, long defaultMinutes) {
		Subscriber subscriber = find(subject).orElse(null);
		if (subscriber == null) {
			return PersonalArrivals.NONE;
		}
		if (subscriber.arrivalLeadMinutes() != null) {
			// Their own choice wins over every site's.
			return isOwn(subscriber.arrivalLeadMinutes(), defaultMinutes) ? new PersonalArrivals(true, Set.of())
					: PersonalArrivals.NONE;
		}
		if (subscriber.customerId() == null) {
			return PersonalArrivals.NONE;
		}
		Set<UUID> sites = this.siteSubscriptions.withArrivalLeadOf(subscriber.customerId())
			.stream()
			.filter(site -> site.appliesTo(subscriber) && isOwn(site.arrivalLeadMinutes(), defaultMinutes))
			.map(SiteSubscription::siteId)
			.collect(Collectors.toSet());
		return sites.isEmpty() ? PersonalArrivals.NONE : new PersonalArrivals(false, sites);
	}

	/** Their own lead time, else that of the site subscription that speaks for them; {@code null} for the default. */
	private static Integer arrivalLeadOf(Subscriber subscriber, SiteSubscription site) {
		return (subscriber.arrivalLeadMinutes() != null) ? subscriber.arrivalLeadMinutes()
				: (site != null) ? site.arrivalLeadMinutes() : null;
	}

	private static boolean isOwn(Integer leadMinutes, long defaultMinutes) {
		return leadMinutes != null && leadMinutes != defaultMinutes;
	}

	private static Set<String> emailEventsOf(Subscriber subscriber, SiteSubscription site) {
		if (site == null) {
			return subscriber.effectiveEmailEvents();
		}
		Set<String> events = new HashSet<>();
		if (subscriber.emailEvents() != null) {
			events.addAll(subscriber.emailEvents());
		}
		else {
			// The site speaks for its receivers; whatever else their roles bring stays.
			Set<String> otherRoles = new HashSet<>(subscriber.roles());
			if (site.receivesHere(subscriber)) {
				otherRoles.remove(Roles.RECEIVER);
			}
			events.addAll(RoleDefaults.emailEvents(otherRoles));
		}
		if (subscriber.emailEvents() == null || site.names(subscriber)) {
			events.addAll(site.effectiveEmailEvents());
		}
		return events;
	}

	/**
	 * Someone who gets an event by e-mail.
	 *
	 * @param arrivalLeadMinutes their own or their site's lead time, {@code null} for the default
	 */
	public record Recipient(Subscriber subscriber, Integer arrivalLeadMinutes) {
	}

	/** What the person chose to see live, if they chose. */
	Optional<Set<String>> liveEvents(String subject) {
		return find(subject).map(Subscriber::liveEvents).map(Set::copyOf);
	}

	// Only customer service sees by following; everyone else needs no look-up.
	private Followed followedBy(Subscriber subscriber) {
		return subscriber.roles().contains(Roles.CUSTOMER_SERVICE) ? this.followed.get(subscriber.subject())
				: Followed.NOTHING;
	}

	/** The person, if we know an e-mail address for them. */
	public Optional<Subscriber> withEmail(String subject) {
		return this.jdbc.sql("SELECT * FROM subscriber WHERE subject = ? AND email IS NOT NULL AND email <> ''")
			.params(subject)
			.query(Subscribers::row)
			.optional();
	}

	/** The customer's agreement managers we know an e-mail address for. */
	public List<Subscriber> agreementManagersWithEmail(UUID customerId) {
		return this.jdbc.sql("""
				SELECT * FROM subscriber
				WHERE customer_id = ? AND ? = ANY(roles) AND email IS NOT NULL AND email <> ''
				ORDER BY subject""")
			.params(customerId, Roles.AGREEMENT_MANAGER)
			.query(Subscribers::row)
			.list();
	}

	private static Subscriber row(ResultSet rs, int rowNum) throws SQLException {
		return new Subscriber(rs.getString("subject"), rs.getString("name"), rs.getString("email"),
				rs.getString("locale"), Set.copyOf(strings(rs.getArray("roles"))),
				rs.getObject("customer_id", UUID.class),
				strings(rs.getArray("site_ids")).stream().map(UUID::fromString).collect(Collectors.toSet()),
				(rs.getArray("email_events") != null) ? strings(rs.getArray("email_events")) : null,
				(rs.getArray("live_events") != null) ? strings(rs.getArray("live_events")) : null,
				(Integer) rs.getObject("arrival_lead_minutes"));
	}

}
