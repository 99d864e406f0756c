package org.leverans.auth;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.leverans.contracts.TokenClaims;

import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the browser flow as the gateway and a browser would: authorization code with PKCE through form login. */
class BrowserSignInIntegrationTest extends AuthServerIntegrationTest {

	private static final String REDIRECT_URI = "http://localhost:8080/login/oauth2/code/leverans";

	private static final Pattern CSRF = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final HttpClient browser = HttpClient.newBuilder()
		.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	@Test
	void receiverSignsInWithPkceAndGetsTokensWithTheirClaims() throws Exception {
		String verifier = randomUrlSafe();
		String code = signIn("mikko", "demo", verifier);

		HttpResponse<String> tokenResponse = token(Map.of("grant_type", "authorization_code", "code", code,
				"redirect_uri", REDIRECT_URI, "code_verifier", verifier));

		assertThat(tokenResponse.statusCode()).as(tokenResponse.body()).isEqualTo(200);
		Map<String, Object> tokens = json(tokenResponse.body());
		JWTClaimsSet access = SignedJWT.parse((String) tokens.get("access_token")).getJWTClaimsSet();
		assertThat(access.getSubject()).isEqualTo("mikko");
		assertThat(access.getStringListClaim(TokenClaims.ROLES)).containsExactly("RECEIVER");
		assertThat(access.getStringClaim(TokenClaims.CUSTOMER_ID)).isEqualTo("11111111-1111-1111-1111-111111111111");
		assertThat(access.getStringListClaim(TokenClaims.SITE_IDS))
			.containsExactly("11111111-0000-0000-0000-000000000001");
		assertThat(access.getStringClaim(TokenClaims.NAME)).isEqualTo("Mikko Nieminen");
		assertThat(access.getStringClaim(TokenClaims.EMAIL)).isEqualTo("mikko@rakennus.example");
		assertThat(access.getStringClaim(TokenClaims.LOCALE)).isEqualTo("fi");
		JWTClaimsSet id = SignedJWT.parse((String) tokens.get("id_token")).getJWTClaimsSet();
		assertThat(id.getStringClaim(TokenClaims.NAME)).isEqualTo("Mikko Nieminen");
		assertThat(id.getStringClaim(TokenClaims.EMAIL)).isEqualTo("mikko@rakennus.example");
		assertThat(id.getStringListClaim(TokenClaims.ROLES)).containsExactly("RECEIVER");

		HttpResponse<String> userInfo = send(this.browser, HttpRequest.newBuilder(uri("/userinfo"))
			.header("Authorization", "Bearer " + tokens.get("access_token"))
			.build());
		assertThat(userInfo.statusCode()).as(userInfo.body() + userInfo.headers().map()).isEqualTo(200);
		assertThat(json(userInfo.body())).containsEntry("sub", "mikko").containsEntry("locale", "fi");

		// the authorization (with the signed-in principal) is read back from the database
		HttpResponse<String> refreshed = token(
				Map.of("grant_type", "refresh_token", "refresh_token", (String) tokens.get("refresh_token")));
		assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
		JWTClaimsSet renewed = SignedJWT.parse((String) json(refreshed.body()).get("access_token")).getJWTClaimsSet();
		assertThat(renewed.getStringListClaim(TokenClaims.SITE_IDS))
			.containsExactly("11111111-0000-0000-0000-000000000001");
	}

	@Test
	void signingOutEndsTheSessionAndReturnsToTheApplication() throws Exception {
		String verifier = randomUrlSafe();
		String code = signIn("anna", "demo", verifier);
		String idToken = (String) json(token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri",
				REDIRECT_URI, "code_verifier", verifier))
			.body()).get("id_token");

		HttpResponse<String> logout = get(uri("/connect/logout?id_token_hint=" + idToken + "&post_logout_redirect_uri="
				+ encode("http://localhost:8080/") + "&state=bye"));

		assertThat(logout.statusCode()).as(logout.body()).isEqualTo(302);
		assertThat(location(logout)).hasToString("http://localhost:8080/?state=bye");
		HttpResponse<String> again = get(authorizeUri(randomUrlSafe()));
		assertThat(location(again)).hasPath("/login");
	}

	@Test
	void wrongPasswordKeepsTheUserOnTheSignInPage() throws Exception {
		get(authorizeUri(randomUrlSafe()));
		String csrf = csrfOf(get(uri("/login")));

		HttpResponse<String> login = send(this.browser, HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(form(Map.of("username", "anna", "password", "wrong", "_csrf", csrf)))
			.build());

		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(location(login)).hasPath("/login").hasQuery("error");
	}

	@Test
	void authorizationRequestWithoutPkceIsRefused() throws Exception {
		HttpResponse<String> response = get(uri("/oauth2/authorize?response_type=code&client_id=leverans-web"
				+ "&scope=openid&state=s1&redirect_uri=" + encode(REDIRECT_URI)));

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(location(response).toString()).startsWith(REDIRECT_URI).contains("error=invalid_request");
	}

	/** Authorization request → sign-in page → form login → back to the authorization endpoint → code. */
	private String signIn(String username, String password, String verifier) throws Exception {
		HttpResponse<String> authorize = get(authorizeUri(verifier));
		assertThat(authorize.statusCode()).isEqualTo(302);
		assertThat(location(authorize)).hasPath("/login");

		HttpResponse<String> loginPage = get(location(authorize));
		assertThat(loginPage.statusCode()).isEqualTo(200);
		assertThat(loginPage.body()).contains("<label for=\"username\">");

		HttpResponse<String> login = send(this.browser, HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(form(Map.of("username", username, "password", password, "_csrf", csrfOf(loginPage))))
			.build());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(location(login)).hasPath("/oauth2/authorize");

		HttpResponse<String> resumed = get(location(login));
		assertThat(resumed.statusCode()).isEqualTo(302);
		URI callback = location(resumed);
		assertThat(callback.toString()).startsWith(REDIRECT_URI);
		Map<String, String> params = UriComponentsBuilder.fromUri(callback).build().getQueryParams().toSingleValueMap();
		assertThat(params).containsEntry("state", "s1").containsKey("code");
		return java.net.URLDecoder.decode(params.get("code"), StandardCharsets.UTF_8);
	}

	private URI authorizeUri(String verifier) throws Exception {
		return uri("/oauth2/authorize?response_type=code&client_id=leverans-web&scope="
				+ encode("openid profile email") + "&state=s1&nonce=n1&redirect_uri=" + encode(REDIRECT_URI)
				+ "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256");
	}

	private HttpResponse<String> token(Map<String, String> fields) throws Exception {
		return send(HttpClient.newHttpClient(), HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Authorization", basic("leverans-web", DEMO_SECRET))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(form(fields))
			.build());
	}

	private HttpResponse<String> get(URI uri) throws Exception {
		return send(this.browser, HttpRequest.newBuilder(uri).header("Accept", "text/html").build());
	}

	private static URI location(HttpResponse<?> response) {
		return response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
	}

	private static String csrfOf(HttpResponse<String> page) {
		Matcher matcher = CSRF.matcher(page.body());
		assertThat(matcher.find()).as("CSRF field in %s", page.body()).isTrue();
		return matcher.group(1);
	}

	private static String randomUrlSafe() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String challenge(String verifier) throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
	}
}
