package org.leverans.order.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.leverans.contracts.TokenClaims;
import org.leverans.contracts.TokenClaims.Roles;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Bearer tokens only: no sessions, no CSRF. Roles in the token's {@code roles} claim become {@code ROLE_*}
 * authorities; which customer's data a caller sees is decided per request from the {@link Caller}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration implements WebMvcConfigurer {

	private static final String[] BUYER_ROLES = { Roles.ORDERER, Roles.AGREEMENT_MANAGER, Roles.RECEIVER,
			Roles.CUSTOMER_SERVICE, Roles.ADMIN };

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, JwtAuthenticationConverter tokens, JsonMapper json)
			throws Exception {
		http.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health/**", "/actuator/health", "/error", "/v3/api-docs", "/v3/api-docs/**")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/orders/preview")
				.hasAnyRole(Roles.ORDERER, Roles.AGREEMENT_MANAGER)
				.requestMatchers(HttpMethod.POST, "/api/orders", "/api/orders/*/cancel", "/api/orders/*/reorder")
				.hasRole(Roles.ORDERER)
				.requestMatchers(HttpMethod.GET, "/api/orders", "/api/orders/*")
				.hasAnyRole(BUYER_ROLES)
				.requestMatchers("/api/support/**")
				.hasAnyRole(Roles.CUSTOMER_SERVICE, Roles.ADMIN)
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer(resourceServer -> resourceServer
				.jwt(jwt -> jwt.jwtAuthenticationConverter(tokens))
				.authenticationEntryPoint((request, response, failure) -> problem(json, request, response, 401,
						"Unauthorized", "A valid bearer token is required."))
				.accessDeniedHandler((request, response, denied) -> problem(json, request, response, 403, "Forbidden",
						"Your role does not allow this.")))
			.exceptionHandling(exceptions -> exceptions
				.authenticationEntryPoint((request, response, failure) -> problem(json, request, response, 401,
						"Unauthorized", "A valid bearer token is required."))
				.accessDeniedHandler((request, response, denied) -> problem(json, request, response, 403, "Forbidden",
						"Your role does not allow this.")));
		return http.build();
	}

	@Bean
	JwtAuthenticationConverter jwtAuthenticationConverter() {
		JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
		roles.setAuthoritiesClaimName(TokenClaims.ROLES);
		roles.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(roles);
		return converter;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new CallerArgumentResolver());
	}

	private static void problem(JsonMapper json, HttpServletRequest request, HttpServletResponse response, int status,
			String title, String detail) throws IOException {
		if (status == 401) {
			response.setHeader("WWW-Authenticate", "Bearer");
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "urn:leverans:problem:" + ((status == 401) ? "unauthorized" : "forbidden"));
		body.put("title", title);
		body.put("status", status);
		body.put("detail", detail);
		body.put("instance", request.getRequestURI());
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), body);
	}
}
