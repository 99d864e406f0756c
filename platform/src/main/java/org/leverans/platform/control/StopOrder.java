package org.leverans.platform.control;

import java.util.Comparator;

import org.leverans.platform.kafka.KafkaBroker;
import org.leverans.platform.postgres.EmbeddedPostgresServer;
import org.leverans.platform.services.Service;
import org.leverans.platform.standins.CreditBureauStandIn;
import org.leverans.platform.standins.MailStandIn;

/**
 * Components stop in reverse start order: the services (gateway first), then the stand-ins, Kafka, and PostgreSQL
 * last, so nothing loses its database or broker while still shutting down. The infrastructure starts in parallel, so
 * the order is by component, not by the moment each happened to come up.
 */
public final class StopOrder {

	private StopOrder() {
	}

	/** Orders component names the way they are stopped. */
	public static Comparator<String> byName() {
		return Comparator.comparingInt(StopOrder::startRank).reversed();
	}

	static int startRank(String component) {
		return switch (component) {
			case EmbeddedPostgresServer.NAME -> 0;
			case KafkaBroker.NAME -> 1;
			case CreditBureauStandIn.NAME -> 2;
			case MailStandIn.NAME -> 3;
			default -> Service.byModule(component).map((service) -> 10 + service.ordinal()).orElse(100);
		};
	}
}
