package org.leverans.order.quote;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Where agreement-service is, under {@code leverans.services} (env {@code LEVERANS_SERVICES_AGREEMENT_URI}).
 *
 * @param agreementUri agreement-service's base URL
 * @param agreementTimeout how long a quote or a product code check may take, connecting and answering each;
 * short, because a person or an ERP is waiting and placement goes ahead without the answer when it is late
 */
@ConfigurationProperties("leverans.services")
public record AgreementServiceProperties(@DefaultValue("http://localhost:8082") URI agreementUri,
		@DefaultValue("2s") Duration agreementTimeout) {

	/**
	 * A client for agreement-service that gives up after {@code agreementTimeout}.
	 * @param observations measures each call ({@code http.client.requests}) and passes the trace on
	 */
	public RestClient restClient(ObservationRegistry observations) {
		// HTTP/1.1: the JDK client's h2c upgrade attempt on a POST with a body is closed by some servers.
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(this.agreementTimeout)
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
		requests.setReadTimeout(this.agreementTimeout);
		return RestClient.builder()
			.baseUrl(this.agreementUri.toString())
			.requestFactory(requests)
			.observationRegistry(observations)
			.build();
	}
}
