package org.leverans.gateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The browser's way in: OAuth2 login with PKCE against a stand-in auth-server, then calls with the session. */
class BrowserSignInIntegrationTest extends GatewayTestSupport {

	private static final String ACCESS_TOKEN = "access-token-of-anna";

	@Test
	void relaysTheSessionsAccessTokenToTheServicesAndSignsOutAtTheAuthServer() {
		FluxExchangeResult<Void> toAuthServer = this.client.get()
			.uri("/oauth2/authorization/leverans")
			.exchange()
			.expectStatus()
			.isFound()
			.returnResult(Void.class);
		String session = cookie(toAuthServer, "LEVERANS_SESSION");
		MultiValueMap<String, String> authorize = queryOf(toAuthServer.getResponseHeaders().getLocation().toString());

		String idToken = idToken(decoded(authorize.getFirst("nonce")));
		downstream.stubFor(post("/oauth2/token").willReturn(okJson("{\"access_token\":\"" + ACCESS_TOKEN
				+ "\",\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"openid profile email\",\"id_token\":\""
				+ idToken + "\"}")));
		downstream.stubFor(get("/userinfo").willReturn(okJson("{\"sub\":\"anna\",\"name\":\"Anna Virtanen\"}")));
		downstream.stubFor(get("/api/orders").willReturn(okJson("{\"items\":[]}")));

		FluxExchangeResult<Void> signedIn = this.client.get()
			.uri("/login/oauth2/code/leverans?code=the-code&state={state}", decoded(authorize.getFirst("state")))
			.cookie("LEVERANS_SESSION", session)
			.exchange()
			.expectStatus()
			.isFound()
			.returnResult(Void.class);
		assertThat(signedIn.getResponseHeaders().getLocation()).hasPath("/");
		session = cookie(signedIn, "LEVERANS_SESSION");
		downstream.verify(postRequestedFor(urlEqualTo("/oauth2/token")).withRequestBody(containing("code_verifier=")));

		this.client.get()
			.uri("/api/orders")
			.cookie("LEVERANS_SESSION", session)
			.exchange()
			.expectStatus()
			.isOk();
		downstream.verify(getRequestedFor(urlEqualTo("/api/orders")).withHeader(HttpHeaders.AUTHORIZATION,
				equalTo("Bearer " + ACCESS_TOKEN)));
		assertThat(sessionsInDatabase(session, "anna")).as("anna's session in the gateway's database").isOne();

		this.client.post()
			.uri("/logout")
			.cookie("LEVERANS_SESSION", session)
			.cookie("XSRF-TOKEN", "token-the-page-read")
			.header("X-XSRF-TOKEN", "token-the-page-read")
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.value(HttpHeaders.LOCATION, (location) -> {
				assertThat(location).startsWith(downstream.baseUrl() + "/connect/logout?");
				MultiValueMap<String, String> logout = queryOf(location);
				assertThat(logout.getFirst("id_token_hint")).isEqualTo(idToken);
				assertThat(decoded(logout.getFirst("post_logout_redirect_uri"))).matches("http://localhost:\\d+/");
			});
		assertThat(sessionsInDatabase(session, "anna")).as("anna's session after signing out").isZero();
	}

	@Test
	void bringsASignedOutPersonBackToThePageTheyOpenedAndTellsThePageWhoTheyAre() {
		FluxExchangeResult<Void> page = this.client.get()
			.uri("/buyer/order.html?id=6d0c0000-0000-0000-0000-000000000001")
			.header(HttpHeaders.ACCEPT, "text/html")
			.exchange()
			.expectStatus()
			.isFound()
			.returnResult(Void.class);
		assertThat(page.getResponseHeaders().getLocation()).hasPath("/oauth2/authorization/leverans");
		String session = cookie(page, "LEVERANS_SESSION");

		FluxExchangeResult<Void> toAuthServer = this.client.get()
			.uri("/oauth2/authorization/leverans")
			.cookie("LEVERANS_SESSION", session)
			.exchange()
			.expectStatus()
			.isFound()
			.returnResult(Void.class);
		MultiValueMap<String, String> authorize = queryOf(toAuthServer.getResponseHeaders().getLocation().toString());
		String idToken = idToken(decoded(authorize.getFirst("nonce")),
				Map.of("roles", List.of("ORDERER"), "customer_id", "11111111-1111-1111-1111-111111111111",
						"name", "Anna Virtanen", "locale", "fi"));
		downstream.stubFor(post("/oauth2/token").willReturn(okJson("{\"access_token\":\"" + ACCESS_TOKEN
				+ "\",\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"openid profile email\",\"id_token\":\""
				+ idToken + "\"}")));
		downstream.stubFor(get("/userinfo").willReturn(okJson("{\"sub\":\"anna\",\"name\":\"Anna Virtanen\"}")));

		FluxExchangeResult<Void> signedIn = this.client.get()
			.uri("/login/oauth2/code/leverans?code=the-code&state={state}", decoded(authorize.getFirst("state")))
			.cookie("LEVERANS_SESSION", session)
			.exchange()
			.expectStatus()
			.isFound()
			.returnResult(Void.class);
		assertThat(signedIn.getResponseHeaders().getLocation().toString())
			.endsWith("/buyer/order.html?id=6d0c0000-0000-0000-0000-000000000001");
		session = cookie(signedIn, "LEVERANS_SESSION");

		this.client.get()
			.uri("/buyer/order.html?id=6d0c0000-0000-0000-0000-000000000001")
			.cookie("LEVERANS_SESSION", session)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("<html lang=\"en\">").contains("/assets/pages/order.js"));
		this.client.get()
			.uri("/api/me")
			.cookie("LEVERANS_SESSION", session)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.username").isEqualTo("anna")
			.jsonPath("$.name").isEqualTo("Anna Virtanen")
			.jsonPath("$.roles[0]").isEqualTo("ORDERER")
			.jsonPath("$.customerId").isEqualTo("11111111-1111-1111-1111-111111111111")
			.jsonPath("$.siteIds").isEmpty()
			.jsonPath("$.locale").isEqualTo("fi");
	}

	@Test
	void tellsAnApiClientWhoItIsFromItsBearerToken() {
		this.client.get()
			.uri("/api/me")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor("rakennus-erp"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.username").isEqualTo("rakennus-erp")
			.jsonPath("$.roles[0]").isEqualTo("ORDERER")
			.jsonPath("$.customerId").isEqualTo("11111111-1111-1111-1111-111111111111");
	}

	@Test
	void answersWhoAmIWithoutSignInWith401Problem() {
		this.client.get()
			.uri("/api/me")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:leverans:problem:unauthenticated");
	}

	private static String idToken(String nonce) {
		return idToken(nonce, Map.of());
	}

	private static String idToken(String nonce, Map<String, Object> identity) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(downstream.baseUrl())
			.subject("anna")
			.audience("leverans-web")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.claim("nonce", nonce);
		identity.forEach(builder::claim);
		return signingKey.mint(builder.build());
	}

	private static int sessionsInDatabase(String sessionId, String principal) {
		return new JdbcTemplate(new DriverManagerDataSource(sessionDatabase, "postgres", "postgres")).queryForObject(
				"SELECT count(*) FROM spring_session WHERE session_id = ? AND principal_name = ?", Integer.class,
				sessionId, principal);
	}

	private static String cookie(FluxExchangeResult<Void> result, String name) {
		ResponseCookie cookie = result.getResponseCookies().getFirst(name);
		assertThat(cookie).as("cookie " + name).isNotNull();
		return cookie.getValue();
	}

	private static MultiValueMap<String, String> queryOf(String uri) {
		return UriComponentsBuilder.fromUriString(uri).build().getQueryParams();
	}

	private static String decoded(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

}
