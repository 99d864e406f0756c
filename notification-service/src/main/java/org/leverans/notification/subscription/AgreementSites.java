package org.leverans.notification.subscription;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.agreement.AgreementActivated;
import org.leverans.contracts.agreement.AgreementChanged;
import org.leverans.contracts.agreement.AgreementEnded;
import org.leverans.contracts.validation.DeliverySite;
import org.leverans.messaging.EventHandlers;
import org.leverans.notification.intake.IntakeHandlers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the sites agreement events name ({@code agreement_site}), so this service knows a customer's sites from
 * the start, before any order, shipment or receiver names them. Events written before they carried sites teach
 * nothing and are simply applied.
 */
@Component
class AgreementSites implements IntakeHandlers {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final EventHandlers handlers;

	AgreementSites(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.handlers = EventHandlers.named("agreement-sites")
			.on(AgreementActivated.class, event -> remember(event.agreementId(), event.customerId(), event.sites()))
			.on(AgreementChanged.class, event -> remember(event.agreementId(), event.customerId(), event.sites()))
			.on(AgreementEnded.class, event -> remember(event.agreementId(), event.customerId(), event.sites()));
	}

	@Override
	public EventHandlers handlers() {
		return this.handlers;
	}

	private void remember(UUID agreementId, UUID customerId, List<DeliverySite> sites) {
		if (sites == null || customerId == null) {
			return;
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		for (DeliverySite site : sites) {
			if (site.siteId() == null) {
				continue;
			}
			this.jdbc.sql("""
					INSERT INTO agreement_site (site_id, customer_id, agreement_id, name, city, country_code,
					                            updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT (site_id) DO UPDATE
					SET customer_id = EXCLUDED.customer_id, agreement_id = EXCLUDED.agreement_id, name = EXCLUDED.name,
					    city = EXCLUDED.city, country_code = EXCLUDED.country_code, updated_at = EXCLUDED.updated_at""")
				.params(site.siteId(), customerId, agreementId, site.name(), site.city(), site.countryCode(), now)
				.update();
		}
	}
}
