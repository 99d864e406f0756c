package org.leverans.agreement.web;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.leverans.contracts.TokenClaims;
import org.leverans.contracts.TokenClaims.Roles;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * A stateless resource server: bearer tokens only, roles from the {@code roles} claim, 401 and 403 as problem
 * details. Which customer's data a caller sees is decided in the controllers from the {@link Caller}.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	static final String[] BUYERS = { Roles.ORDERER, Roles.AGREEMENT_MANAGER, Roles.RECEIVER };

	@Bean
	SecurityFilterChain api(HttpSecurity http, JsonMapper json) throws Exception {
		BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
		BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();
		AuthenticationEntryPoint unauthorized = (request, response, ex) -> {
			bearer.commence(request, response, ex);
			write(json, request, response, HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED, "Unauthorized",
					"A valid bearer token is required");
		};
		AccessDeniedHandler forbidden = (request, response, ex) -> {
			bearerDenied.handle(request, response, ex);
			write(json, request, response, HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "Forbidden",
					"Your role does not allow this request");
		};
		http.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/api/agreements/**")
			.hasAnyRole(BUYERS)
			.requestMatchers(HttpMethod.GET, "/api/catalog", "/api/catalog/**")
			.hasAnyRole(Roles.ORDERER, Roles.AGREEMENT_MANAGER)
			.requestMatchers(HttpMethod.POST, "/api/catalog/quote")
			.hasAnyRole(Roles.ORDERER, Roles.AGREEMENT_MANAGER)
			.requestMatchers("/api/admin/**")
			.hasRole(Roles.ADMIN)
			.requestMatchers("/error")
			.permitAll()
			.anyRequest()
			.authenticated())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.oauth2ResourceServer(resourceServer -> resourceServer
				.jwt(jwt -> jwt.jwtAuthenticationConverter(authenticationConverter()))
				.authenticationEntryPoint(unauthorized)
				.accessDeniedHandler(forbidden))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthorized)
				.accessDeniedHandler(forbidden));
		return http.build();
	}

	/** Maps the {@code roles} claim to {@code ROLE_<role>} authorities. */
	static JwtAuthenticationConverter authenticationConverter() {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(authoritiesConverter());
		return converter;
	}

	public static JwtGrantedAuthoritiesConverter authoritiesConverter() {
		JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
		authorities.setAuthoritiesClaimName(TokenClaims.ROLES);
		authorities.setAuthorityPrefix("ROLE_");
		return authorities;
	}

	private static void write(JsonMapper json, HttpServletRequest request, HttpServletResponse response,
			HttpStatus status, URI type, String title, String detail) throws IOException {
		// Written by hand: this runs in the filter chain, before Spring MVC's problem detail support.
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", type.toString());
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}
}
