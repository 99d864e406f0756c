package org.leverans.auth.tokens;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.leverans.auth.AuthProperties;
import org.leverans.contracts.TokenClaims;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;

/** Issuer, signing keys and the userinfo answer. */
@Configuration(proxyBeanMethods = false)
public class TokenConfiguration {

	@Bean
	AuthorizationServerSettings authorizationServerSettings(AuthProperties properties) {
		return AuthorizationServerSettings.builder().issuer(properties.issuerUri()).build();
	}

	@Bean
	JWKSource<SecurityContext> jwkSource(SigningKeys signingKeys) {
		return new ImmutableJWKSet<>(new JWKSet(signingKeys.activeKey()));
	}

	/** Validates this server's own access tokens at {@code /userinfo}. */
	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
		return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
	}

	/**
	 * Userinfo answers from the user record (not from the ID token), so it reflects the account as it is now: the
	 * standard claims the granted scopes allow, plus the Leverans claims.
	 */
	@Bean
	UserInfoMapper userInfoMapper(IdentityClaims identityClaims) {
		return context -> {
			String username = context.getAuthorization().getPrincipalName();
			Set<String> scopes = context.getAccessToken().getScopes();
			Map<String, Object> claims = new LinkedHashMap<>();
			claims.put("sub", username);
			identityClaims.forUser(username).forEach((name, value) -> {
				boolean profile = TokenClaims.NAME.equals(name) || TokenClaims.LOCALE.equals(name);
				boolean email = TokenClaims.EMAIL.equals(name);
				if ((!profile || scopes.contains(OidcScopes.PROFILE)) && (!email || scopes.contains(OidcScopes.EMAIL))) {
					claims.put(name, value);
				}
			});
			return new OidcUserInfo(claims);
		};
	}

	/** The function the OIDC userinfo endpoint uses to build its answer. */
	@FunctionalInterface
	public interface UserInfoMapper extends java.util.function.Function<OidcUserInfoAuthenticationContext, OidcUserInfo> {
	}
}
