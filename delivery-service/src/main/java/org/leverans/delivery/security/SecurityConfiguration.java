package org.leverans.delivery.security;

import java.util.Collection;
import java.util.List;

import org.leverans.contracts.TokenClaims;
import org.leverans.contracts.TokenClaims.Roles;
import org.leverans.delivery.web.Problems;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, Problems problems) throws Exception {
		http.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**", "/error")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**")
				.permitAll()
				.requestMatchers("/api/partner/v1/**")
				.hasRole(Roles.CARRIER)
				.requestMatchers("/api/receiver/**")
				.hasRole(Roles.RECEIVER)
				.requestMatchers("/api/admin/**")
				.hasAnyRole(Roles.ADMIN, Roles.CUSTOMER_SERVICE)
				.requestMatchers(HttpMethod.GET, "/api/shipments", "/api/shipments/**")
				.hasAnyRole(Roles.ORDERER, Roles.AGREEMENT_MANAGER, Roles.RECEIVER, Roles.CARRIER,
						Roles.CUSTOMER_SERVICE, Roles.ADMIN)
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer(resourceServer -> resourceServer
				.jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter()))
				.authenticationEntryPoint((request, response, ex) -> problems.write(response,
						HttpStatus.UNAUTHORIZED, "A valid bearer token is required."))
				.accessDeniedHandler((request, response, ex) -> problems.write(response, HttpStatus.FORBIDDEN,
						"Your role does not allow this.")))
			.exceptionHandling(exceptions -> exceptions
				.authenticationEntryPoint((request, response, ex) -> problems.write(response,
						HttpStatus.UNAUTHORIZED, "A valid bearer token is required."))
				.accessDeniedHandler((request, response, ex) -> problems.write(response, HttpStatus.FORBIDDEN,
						"Your role does not allow this.")));
		return http.build();
	}

	static JwtAuthenticationConverter jwtAuthenticationConverter() {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(SecurityConfiguration::authorities);
		return converter;
	}

	private static Collection<GrantedAuthority> authorities(Jwt jwt) {
		List<String> roles = jwt.getClaimAsStringList(TokenClaims.ROLES);
		if (roles == null) {
			return List.of();
		}
		return roles.stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
	}
}
