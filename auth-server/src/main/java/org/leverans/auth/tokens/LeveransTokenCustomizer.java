package org.leverans.auth.tokens;

import java.util.Map;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts the Leverans claims into access tokens and ID tokens: from the user record when a person signed in, from
 * the client's own claims for the client-credentials grant.
 */
@Component
class LeveransTokenCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

	private final IdentityClaims identityClaims;

	LeveransTokenCustomizer(IdentityClaims identityClaims) {
		this.identityClaims = identityClaims;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
		if (!accessToken && !ID_TOKEN.equals(context.getTokenType())) {
			return;
		}
		Map<String, Object> claims = AuthorizationGrantType.CLIENT_CREDENTIALS
			.equals(context.getAuthorizationGrantType())
					? this.identityClaims.forClient(context.getRegisteredClient().getClientId())
					: this.identityClaims.forUser(context.getPrincipal().getName());
		context.getClaims().claims(existing -> existing.putAll(claims));
	}
}
