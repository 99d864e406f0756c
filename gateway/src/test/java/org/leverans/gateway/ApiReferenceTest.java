package org.leverans.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One API reference for the platform: Swagger UI at the gateway, over every service's OpenAPI document. Its reader
 * is a person of its own, so its calls take nothing from another test's rate-limit bucket.
 */
class ApiReferenceTest extends GatewayTestSupport {

	@Test
	void listsEveryServicesDocumentAndTheGatewaysOwn() {
		String config = readerGets("/v3/api-docs/swagger-config").expectBody(String.class).returnResult().getResponseBody();

		assertThat(config).contains("\"/api-docs/order-service\"", "\"/api-docs/agreement-service\"",
				"\"/api-docs/credit-service\"", "\"/api-docs/delivery-service\"", "\"/api-docs/notification-service\"",
				"\"/api-docs/billing-service\"", "\"/v3/api-docs\"");
	}

	@Test
	void triesCallsInTheBrowserSessionWithItsCsrfToken() {
		String initializer = readerGets("/webjars/swagger-ui/swagger-initializer.js").expectBody(String.class)
			.returnResult()
			.getResponseBody();

		// The pages send the session's CSRF cookie back as X-XSRF-TOKEN; "Try it out" must too.
		assertThat(initializer).contains("XSRF-TOKEN");
	}

	@Test
	void sendsAPersonWhoIsNotSignedInToSignInFirst() {
		this.client.get()
			.uri("/api-docs.html")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.location("/oauth2/authorization/leverans");
	}

	@Test
	void servesSwaggerUiUnderTheContentSecurityPolicyOfThePages() {
		String page = readerGets("/webjars/swagger-ui/index.html").expectHeader()
			.value("Content-Security-Policy", csp -> assertThat(csp).contains("default-src 'self'"))
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(page).contains("swagger-ui");
	}

	/** A GET by the reader, answered 200. */
	private WebTestClient.ResponseSpec readerGets(String path) {
		return this.client.get()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor("api-reader"))
			.exchange()
			.expectStatus()
			.isOk();
	}
}
