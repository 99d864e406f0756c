package org.leverans.order.quote;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where agreement-service is, under {@code leverans.services} (env {@code LEVERANS_SERVICES_AGREEMENT_URI}).
 *
 * @param agreementUri agreement-service's base URL
 * @param agreementTimeout how long a quote may take, connecting and answering each; short, because a person or an
 * ERP is waiting and placement goes ahead without the quote when it is late
 */
@ConfigurationProperties("leverans.services")
public record AgreementServiceProperties(@DefaultValue("http://localhost:8082") URI agreementUri,
		@DefaultValue("2s") Duration agreementTimeout) {
}
