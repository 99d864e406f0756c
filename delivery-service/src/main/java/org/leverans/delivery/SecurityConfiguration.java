package org.leverans.delivery;

import org.leverans.contracts.TokenClaims.Roles;
import org.leverans.web.security.ApiSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Who may call what; everything else about security is the shared {@link ApiSecurity}. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain api(HttpSecurity http, ApiSecurity api) throws Exception {
		return api.filterChain(http, requests -> requests.requestMatchers("/api/partner/v1/**")
			.hasRole(Roles.CARRIER)
			.requestMatchers("/api/receiver/**")
			.hasRole(Roles.RECEIVER)
			.requestMatchers(HttpMethod.PUT, "/api/shipments/*/feedback")
			.hasRole(Roles.RECEIVER)
			.requestMatchers("/api/admin/**")
			.hasAnyRole(Roles.ADMIN, Roles.CUSTOMER_SERVICE)
			.requestMatchers(HttpMethod.GET, "/api/shipments", "/api/shipments/**")
			.hasAnyRole(Roles.ORDERER, Roles.AGREEMENT_MANAGER, Roles.RECEIVER, Roles.CARRIER, Roles.CUSTOMER_SERVICE,
					Roles.ADMIN));
	}
}
