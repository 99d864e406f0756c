package org.leverans.web.security;

import jakarta.servlet.DispatcherType;

import org.leverans.contracts.TokenClaims.Roles;
import org.leverans.web.problem.SecurityProblems;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The one shape of a service's security: a stateless resource server taking bearer tokens only (no sessions, so no
 * CSRF), roles from the token's {@code roles} claim, health, the Prometheus scrape, the OpenAPI document and
 * {@code /error} open, messaging's dead-letter API for admins only, 401 and 403 as problems. The scrape is open because a service's own port is not public: the
 * gateway routes only {@code /api/**} to it. A service states only its own access rules:
 *
 * <pre>{@code
 * @Bean
 * SecurityFilterChain api(HttpSecurity http, ApiSecurity api) throws Exception {
 *     return api.filterChain(http, requests -> requests
 *         .requestMatchers("/api/admin/**").hasRole(Roles.ADMIN));
 * }
 * }</pre>
 *
 * Whatever the rules leave open still needs a valid token.
 */
public class ApiSecurity {

	private final SecurityProblems problems;

	public ApiSecurity(SecurityProblems problems) {
		this.problems = problems;
	}

	public SecurityFilterChain filterChain(HttpSecurity http,
			Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> rules)
			throws Exception {
		http.authorizeHttpRequests(requests -> {
			// An async dispatch (a completed stream) or an error dispatch belongs to a request that was already
			// authorized; the bearer token filter does not run again there.
			requests.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
				.permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/error")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**")
				.permitAll()
				// messaging's dead-letter API, in every service that consumes events: before the service's own
				// rules, which may open /api/admin/** to more roles
				.requestMatchers("/api/admin/dead-letters/**")
				.hasRole(Roles.ADMIN);
			rules.customize(requests);
			requests.anyRequest().authenticated();
		})
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(JwtRoles.converter()))
				.authenticationEntryPoint(this.problems)
				.accessDeniedHandler(this.problems))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(this.problems)
				.accessDeniedHandler(this.problems));
		return http.build();
	}
}
