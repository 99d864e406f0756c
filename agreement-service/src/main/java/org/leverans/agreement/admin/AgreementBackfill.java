package org.leverans.agreement.admin;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.leverans.agreement.agreements.Agreement;
import org.leverans.agreement.agreements.AgreementVersion;
import org.leverans.agreement.agreements.Agreements;
import org.leverans.agreement.customers.Site;
import org.leverans.contracts.agreement.AgreementActivated;
import org.leverans.contracts.agreement.AgreementChanged;
import org.leverans.contracts.validation.DeliverySite;
import org.leverans.messaging.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Announces, once, the agreements {@code leverans.agreement.v1} has never named the sites of: those created before
 * agreement events carried sites, and those seeded by SQL (the demo data), which were never announced at all.
 * Consumers that keep sites from agreement events (notification-service) then learn every site there is, without
 * asking agreement-service: each agreement's history is told again as it would have been, {@code AgreementActivated}
 * for its first version and {@code AgreementChanged} for every later one, each with that version's sites.
 *
 * <p>
 * Runs at every start and finds nothing to do once done. Each agreement is claimed ({@code SKIP LOCKED}), announced
 * and marked in one transaction with its outbox events, so two instances starting together never announce one
 * agreement twice.
 */
@Component
class AgreementBackfill implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(AgreementBackfill.class);

	private final JdbcClient jdbc;

	private final Agreements agreements;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	AgreementBackfill(JdbcClient jdbc, Agreements agreements, Outbox outbox, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.agreements = agreements;
		this.outbox = outbox;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		int announced = announceAll();
		if (announced > 0) {
			logger.info("Announced {} agreement(s) with their sites on the agreement topic", announced);
		}
	}

	/** @return how many agreements were announced */
	int announceAll() {
		int announced = 0;
		while (Boolean.TRUE.equals(this.transactions.execute(status -> announceNext()))) {
			announced++;
		}
		return announced;
	}

	private boolean announceNext() {
		Optional<UUID> next = this.jdbc.sql("""
				SELECT id FROM agreement WHERE sites_announced_at IS NULL ORDER BY created_at, id
				LIMIT 1 FOR UPDATE SKIP LOCKED""").query(UUID.class).optional();
		if (next.isEmpty()) {
			return false;
		}
		UUID id = next.get();
		List<AgreementVersion> versions = this.agreements.versions(id);
		Agreement agreement = this.agreements.byId(id, versions.getFirst().effectiveFrom()).orElseThrow();
		for (AgreementVersion version : versions) {
			Object event = (version == versions.getFirst())
					? new AgreementActivated(id, agreement.number(), agreement.customerId(), version.version(),
							agreement.validFrom(), agreement.validTo(), version.effectiveFrom(), sites(version))
					: new AgreementChanged(id, agreement.number(), agreement.customerId(), version.version(),
							agreement.validFrom(), agreement.validTo(), version.effectiveFrom(), sites(version));
			this.outbox.publish(id, id, event);
		}
		this.jdbc.sql("UPDATE agreement SET sites_announced_at = now() WHERE id = ?").param(id).update();
		return true;
	}

	static List<DeliverySite> sites(AgreementVersion version) {
		return version.sites().stream().map(Site::toContract).toList();
	}
}
