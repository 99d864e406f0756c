package org.leverans.notification.subscription;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where agreement-service is, under {@code leverans.services} (env {@code LEVERANS_SERVICES_AGREEMENT_URI}).
 *
 * @param agreementUri agreement-service's base URL
 * @param agreementTimeout how long asking for the caller's sites may take, connecting and answering each; short,
 * because someone is waiting and the sites already known still count when it is late
 */
@ConfigurationProperties("leverans.services")
public record AgreementServiceProperties(@DefaultValue("http://localhost:8082") URI agreementUri,
		@DefaultValue("2s") Duration agreementTimeout) {
}
