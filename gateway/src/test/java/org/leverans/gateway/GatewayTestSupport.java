package org.leverans.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * One running gateway shared by the test classes (same configuration, so Spring caches the context). A single
 * WireMock server plays the auth-server's JWKS endpoint, the order-service and the notification-service; the
 * delivery-service points at a port where nothing listens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
abstract class GatewayTestSupport {

	/** People's burst in the tests; API clients get a bigger one, and bulk-erp its own. */
	static final int PEOPLE_CAPACITY = 5;

	static final int API_CLIENT_CAPACITY = 8;

	static final String CLIENT_WITH_OVERRIDE = "bulk-erp";

	static final int OVERRIDE_CAPACITY = 40;

	/** Requests in progress per service: small, so a handful of concurrent calls meets it. */
	static final int MAX_IN_FLIGHT = 2;

	static final WireMockServer downstream = new WireMockServer(options().dynamicPort());

	static final RSAKey signingKey = newKey("leverans-test");

	static final int portWithNothingListening = freePort();

	static {
		downstream.start();
		Runtime.getRuntime().addShutdownHook(new Thread(downstream::stop));
	}

	@Autowired
	WebTestClient client;

	@DynamicPropertySource
	static void pointAtStandIns(DynamicPropertyRegistry registry) {
		registry.add("leverans.auth.issuer-uri", downstream::baseUrl);
		registry.add("leverans.services.order-uri", downstream::baseUrl);
		registry.add("leverans.services.notification-uri", downstream::baseUrl);
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
		downstream.stubFor(get("/oauth2/jwks").willReturn(okJson(new JWKSet(signingKey.toPublicJWK()).toString())));
	}

	/** A person's token, as the auth-server issues it to the web client for a signed-in person. */
	static String tokenFor(String subject) {
		return token(subject, downstream.baseUrl(), signingKey);
	}

	/** An API client's token (client-credentials grant): the client is its own subject. */
	static String clientTokenFor(String clientId) {
		return token(clientId, clientId, downstream.baseUrl(), signingKey);
	}

	static String token(String subject, String issuer, RSAKey key) {
		return token(subject, "leverans-web", issuer, key);
	}

	private static String token(String subject, String clientId, String issuer, RSAKey key) {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer)
			.subject(subject)
			.audience(clientId)
			.claim("client_id", clientId)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.claim("roles", List.of("ORDERER"))
			.claim("customer_id", "11111111-1111-1111-1111-111111111111")
			.build();
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static RSAKey newKey(String keyId) {
		try {
			return new RSAKeyGenerator(2048).keyID(keyId).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
