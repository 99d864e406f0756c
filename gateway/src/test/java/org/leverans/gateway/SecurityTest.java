package org.leverans.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

class SecurityTest extends GatewayTestSupport {

	@Test
	void keepsTheServicesApiDocumentsBehindSignIn() {
		this.client.get()
			.uri("/api-docs/order-service")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void rejectsApiCallWithoutTokenWith401Problem() {
		this.client.get()
			.uri("/api/orders")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(401)
			.jsonPath("$.title")
			.isEqualTo("Authentication required")
			.jsonPath("$.type")
			.isEqualTo("urn:leverans:problem:unauthenticated");
	}

	@Test
	void rejectsTokenSignedByAnotherKey() {
		String forged = token("anna", downstream.baseUrl(), newKey(signingKey.keyId()));

		this.client.get()
			.uri("/api/orders")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + forged)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Invalid bearer token");

		downstream.verify(0, anyRequestedFor(urlPathMatching("/api/.*")));
	}

	@Test
	void rejectsTokenFromAnotherIssuer() {
		String foreign = token("anna", "https://issuer.example", signingKey);

		this.client.get()
			.uri("/api/orders")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + foreign)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);

		downstream.verify(0, anyRequestedFor(urlPathMatching("/api/.*")));
	}

	@Test
	void answersProblemWhenTheAuthServerCannotGiveTheKeys() {
		downstream.stubFor(get("/oauth2/jwks").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		String signedWithANewKey = token("anna", downstream.baseUrl(), newKey("rotated-key"));

		this.client.get()
			.uri("/api/orders")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + signedWithANewKey)
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Sign-in service not reachable");
	}

	@Test
	void prometheusScrapeOnThePublicPortIsForAdministratorsOnly() {
		this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.client.get()
			.uri("/actuator/prometheus")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor("anna"))
			.exchange()
			.expectStatus()
			.isForbidden();
		// the whole exposition (latency histograms of every route) outgrows the client's default 256 KB buffer
		this.client.mutate()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
			.build()
			.get()
			.uri("/actuator/prometheus")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminTokenFor("admin"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("http_server_requests_seconds_count"));
	}

	@Test
	void healthIsOpen() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

	@Test
	void landingPageIsOpenAndHandsOutTheCsrfCookie() {
		EntityExchangeResult<String> page = this.client.get()
			.uri("/")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();

		assertThat(page.getResponseBody()).contains("<h1>Leverans</h1>").contains("/oauth2/authorization/leverans");
		assertThat(page.getResponseCookies().getFirst("XSRF-TOKEN")).isNotNull();
	}

	@Test
	void pagesTellTheBrowserToRunOnlyTheGatewaysOwnCodeAndNeverInAFrame() {
		for (String page : new String[] { "/", "/assets/pages/landing.js", "/buyer/orders.html" }) {
			this.client.get()
				.uri(page)
				.exchange()
				.expectHeader()
				.valueEquals("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
						+ "object-src 'none'; base-uri 'self'; frame-ancestors 'none'")
				.expectHeader()
				.valueEquals("X-Frame-Options", "DENY")
				.expectHeader()
				.valueEquals("X-Content-Type-Options", "nosniff")
				.expectHeader()
				.valueEquals("Referrer-Policy", "same-origin");
		}
	}

	@Test
	void noPageHasInlineCodeOrStyleThePolicyWouldBlock() throws IOException {
		Resource[] pages = new PathMatchingResourcePatternResolver().getResources("classpath:static/**/*.html");
		assertThat(pages).hasSizeGreaterThan(5);
		for (Resource page : pages) {
			String html = page.getContentAsString(StandardCharsets.UTF_8);
			assertThat(html).as(page.getFilename())
				.doesNotContain("<style")
				.doesNotContainPattern("<script(?![^>]*\\ssrc=)")
				.doesNotContainPattern("\\son[a-z]+=")
				.doesNotContain("style=")
				.doesNotContain("javascript:");
		}
	}

	@Test
	void apiAnswersCarryTheHeadersToo() {
		this.client.get()
			.uri("/api/orders")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY");
	}

	@Test
	void sendsPeopleOnPagesToSignInWithPkceAtTheAuthServer() {
		this.client.get()
			.uri("/orders")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.location("/oauth2/authorization/leverans");

		this.client.get()
			.uri("/oauth2/authorization/leverans")
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.value(HttpHeaders.LOCATION, (location) -> assertThat(location)
				.startsWith(downstream.baseUrl() + "/oauth2/authorize?")
				.contains("client_id=leverans-web")
				.contains("scope=openid%20profile%20email")
				.contains("code_challenge_method=S256")
				.contains("code_challenge="));
	}

	@Test
	void requiresCsrfTokenForUnsafeCallsInABrowserSession() {
		ResponseCookie session = this.client.get()
			.uri("/oauth2/authorization/leverans")
			.exchange()
			.expectStatus()
			.isFound()
			.returnResult(Void.class)
			.getResponseCookies()
			.getFirst("LEVERANS_SESSION");
		assertThat(session).isNotNull();

		this.client.post()
			.uri("/api/orders")
			.cookie("LEVERANS_SESSION", session.getValue())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Missing or invalid CSRF token");

		// With the token the CSRF check passes; this session has not signed in yet, hence 401.
		this.client.post()
			.uri("/api/orders")
			.cookie("LEVERANS_SESSION", session.getValue())
			.cookie("XSRF-TOKEN", "a-token-the-page-read")
			.header("X-XSRF-TOKEN", "a-token-the-page-read")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
