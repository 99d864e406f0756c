package org.leverans.web.security;

import java.util.ArrayList;
import java.util.Collection;

import org.leverans.web.caller.Caller;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/** The token's {@code roles} claim as {@code ROLE_<role>} authorities, read the way {@link Caller} reads it. */
public final class JwtRoles {

	private JwtRoles() {
	}

	public static JwtAuthenticationConverter converter() {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(authorities());
		return converter;
	}

	public static Converter<Jwt, Collection<GrantedAuthority>> authorities() {
		return jwt -> {
			Collection<GrantedAuthority> authorities = new ArrayList<>();
			Caller.roles(jwt).forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
			return authorities;
		};
	}
}
