package org.leverans.gateway;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.BeforeEach;
import org.leverans.testsupport.infrastructure.FreePorts;
import org.leverans.testsupport.infrastructure.StandIns;
import org.leverans.testsupport.infrastructure.TestInfrastructure;
import org.leverans.testsupport.security.JwtMinter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

/**
 * One running gateway shared by the test classes (same configuration, so Spring caches the context). A single
 * WireMock server plays the auth-server's JWKS endpoint, the order-service, the notification-service and one of the
 * credit-service's two instances; the delivery-service points at a port where nothing listens. Browser sessions are
 * kept in a real PostgreSQL, as in production.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Not the default 5 s: a shared, busy build machine may take longer for a cold first request, and no test here is
// about speed (the gateway's own time limits are set per test and answered as problems).
@AutoConfigureWebTestClient(timeout = "30s")
abstract class GatewayTestSupport {

	/** People's burst in the tests; API clients get a bigger one, and bulk-erp its own. */
	static final int PEOPLE_CAPACITY = 5;

	static final int API_CLIENT_CAPACITY = 8;

	static final String CLIENT_WITH_OVERRIDE = "bulk-erp";

	static final int OVERRIDE_CAPACITY = 40;

	/** Requests in progress per service: small, so a handful of concurrent calls meets it. */
	static final int MAX_IN_FLIGHT = 2;

	static final WireMockServer downstream = StandIns.wireMock("downstream");

	/** credit-service runs as two instances here: downstream and this one. */
	static final WireMockServer secondCreditInstance = StandIns.wireMock("second-credit-instance");

	/** The auth-server's signing key, as its JWK Set serves it. */
	static final JwtMinter signingKey = newKey("leverans-test");

	static final int portWithNothingListening = FreePorts.any();

	@Autowired
	WebTestClient client;

	static final String sessionDatabase = TestInfrastructure.newDatabase("gateway");

	@DynamicPropertySource
	static void pointAtStandIns(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> sessionDatabase);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
		registry.add("leverans.auth.issuer-uri", downstream::baseUrl);
		registry.add("leverans.services.order-uri", downstream::baseUrl);
		registry.add("leverans.services.notification-uri", downstream::baseUrl);
		registry.add("leverans.services.agreement-uri", downstream::baseUrl);
		registry.add("leverans.services.billing-uri", downstream::baseUrl);
		registry.add("leverans.services.credit-uri",
				() -> downstream.baseUrl() + "," + secondCreditInstance.baseUrl());
		registry.add("leverans.services.delivery-uri", () -> "http://localhost:" + portWithNothingListening);
		registry.add("leverans.rate-limit.people.capacity", () -> PEOPLE_CAPACITY);
		registry.add("leverans.rate-limit.people.refill-per-second", () -> 1);
		registry.add("leverans.rate-limit.api-clients.capacity", () -> API_CLIENT_CAPACITY);
		registry.add("leverans.rate-limit.api-clients.refill-per-second", () -> 1);
		registry.add("leverans.rate-limit.clients." + CLIENT_WITH_OVERRIDE + ".capacity", () -> OVERRIDE_CAPACITY);
		registry.add("leverans.rate-limit.clients." + CLIENT_WITH_OVERRIDE + ".refill-per-second", () -> 1);
		registry.add("leverans.overload.max-in-flight", () -> MAX_IN_FLIGHT);
		registry.add("spring.cloud.gateway.server.webflux.httpclient.response-timeout", () -> "2s");
	}

	@BeforeEach
	void serveSigningKeys() {
		downstream.resetAll();
		secondCreditInstance.resetAll();
		downstream.stubFor(get("/oauth2/jwks").willReturn(okJson(signingKey.jwkSet())));
	}

	/** A person's token, as the auth-server issues it to the web client for a signed-in person. */
	static String tokenFor(String subject) {
		return token(subject, downstream.baseUrl(), signingKey);
	}

	/** An API client's token (client-credentials grant): the client is its own subject. */
	static String clientTokenFor(String clientId) {
		return token(clientId, clientId, downstream.baseUrl(), signingKey);
	}

	/** A supplier administrator's token (role ADMIN). */
	static String adminTokenFor(String subject) {
		return token(subject, "leverans-web", downstream.baseUrl(), signingKey, "ADMIN");
	}

	static String token(String subject, String issuer, JwtMinter key) {
		return token(subject, "leverans-web", issuer, key);
	}

	private static String token(String subject, String clientId, String issuer, JwtMinter key) {
		return token(subject, clientId, issuer, key, "ORDERER");
	}

	private static String token(String subject, String clientId, String issuer, JwtMinter key, String role) {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer)
			.subject(subject)
			.audience(clientId)
			.claim("client_id", clientId)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.claim("roles", List.of(role))
			.claim("customer_id", "11111111-1111-1111-1111-111111111111")
			.build();
		return key.mint(claims);
	}

	static JwtMinter newKey(String keyId) {
		return JwtMinter.withNewKey(keyId);
	}

}
