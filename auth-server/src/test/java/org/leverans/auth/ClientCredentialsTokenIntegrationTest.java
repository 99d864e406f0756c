package org.leverans.auth;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.leverans.auth.tokens.SigningKeys;
import org.leverans.contracts.TokenClaims;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class ClientCredentialsTokenIntegrationTest extends AuthServerIntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void customerErpTokenActsAsOrdererOfItsCustomerForOneHour() throws Exception {
		HttpResponse<String> response = clientCredentialsToken("rakennus-erp", DEMO_SECRET);

		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> body = json(response.body());
		assertThat(((Number) body.get("expires_in")).longValue()).isBetween(3590L, 3600L);
		JWTClaimsSet claims = SignedJWT.parse((String) body.get("access_token")).getJWTClaimsSet();
		assertThat(claims.getSubject()).isEqualTo("rakennus-erp");
		assertThat(claims.getIssuer()).isEqualTo("http://localhost:9000");
		assertThat(claims.getStringListClaim(TokenClaims.ROLES)).containsExactly("ORDERER");
		assertThat(claims.getStringClaim(TokenClaims.CUSTOMER_ID)).isEqualTo("11111111-1111-1111-1111-111111111111");
		assertThat(claims.getClaim(TokenClaims.CARRIER)).isNull();
	}

	@Test
	void kiviJaLaattaErpActsAsOrdererOfKiviJaLaatta() throws Exception {
		HttpResponse<String> response = clientCredentialsToken("kivi-erp", DEMO_SECRET);

		assertThat(response.statusCode()).isEqualTo(200);
		JWTClaimsSet claims = SignedJWT.parse((String) json(response.body()).get("access_token")).getJWTClaimsSet();
		assertThat(claims.getSubject()).isEqualTo("kivi-erp");
		assertThat(claims.getStringListClaim(TokenClaims.ROLES)).containsExactly("ORDERER");
		assertThat(claims.getStringClaim(TokenClaims.CUSTOMER_ID)).isEqualTo("33333333-3333-3333-3333-333333333333");
	}

	@Test
	void carrierTokenCarriesItsCarrierCode() throws Exception {
		HttpResponse<String> response = clientCredentialsToken("nordic-freight", DEMO_SECRET);

		assertThat(response.statusCode()).isEqualTo(200);
		JWTClaimsSet claims = SignedJWT.parse((String) json(response.body()).get("access_token")).getJWTClaimsSet();
		assertThat(claims.getStringListClaim(TokenClaims.ROLES)).containsExactly("CARRIER");
		assertThat(claims.getStringClaim(TokenClaims.CARRIER)).isEqualTo("nordic-freight");
		assertThat(claims.getClaim(TokenClaims.CUSTOMER_ID)).isNull();
	}

	@Test
	void rejectsClientWithWrongSecret() throws Exception {
		HttpResponse<String> response = clientCredentialsToken("rakennus-erp", "not-the-secret");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(json(response.body())).containsEntry("error", "invalid_client");
	}

	@Test
	void publishedKeyVerifiesTheTokenAndIsTheOneStoredInTheDatabase() throws Exception {
		SignedJWT token = SignedJWT
			.parse((String) json(clientCredentialsToken("support-desk", DEMO_SECRET).body()).get("access_token"));
		HttpResponse<String> jwks = send(HttpClient.newHttpClient(), HttpRequest.newBuilder(uri("/oauth2/jwks")).build());

		assertThat(jwks.statusCode()).isEqualTo(200);
		JWKSet published = JWKSet.parse(jwks.body());
		RSAKey key = (RSAKey) published.getKeyByKeyId(token.getHeader().getKeyID());
		assertThat(key).isNotNull();
		assertThat(key.isPrivate()).isFalse();
		assertThat(token.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
		assertThat(token.verify(new RSASSAVerifier(key))).isTrue();
		// what another instance, or this one after a restart, would sign with
		assertThat(new SigningKeys(this.jdbc).activeKey().getKeyID()).isEqualTo(key.getKeyID());
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM signing_key", Integer.class)).isEqualTo(1);
	}

	@Test
	void healthIsOpenWithoutToken() throws Exception {
		HttpResponse<String> response = send(HttpClient.newHttpClient(),
				HttpRequest.newBuilder(uri("/actuator/health")).build());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response.body())).containsEntry("status", "UP");
	}
}
