package org.leverans.order;

import org.leverans.contracts.TokenClaims.Roles;
import org.leverans.web.security.ApiSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what; everything else about security is the shared {@link ApiSecurity}. Which customer's orders a
 * caller sees is decided per request from the {@code Caller}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain api(HttpSecurity http, ApiSecurity api) throws Exception {
		return api.filterChain(http, requests -> requests.requestMatchers(HttpMethod.POST, "/api/orders/preview")
			.hasAnyRole(Roles.ORDERER, Roles.AGREEMENT_MANAGER)
			.requestMatchers(HttpMethod.POST, "/api/orders", "/api/orders/*/cancel", "/api/orders/*/reorder")
			.hasRole(Roles.ORDERER)
			.requestMatchers(HttpMethod.POST, "/api/orders/*/claims", "/api/claims/*/photos")
			.hasAnyRole(Roles.ORDERER, Roles.AGREEMENT_MANAGER, Roles.RECEIVER)
			.requestMatchers(HttpMethod.GET, "/api/orders", "/api/orders/*", "/api/orders/*/claims", "/api/claims/*",
					"/api/claims/*/photos/*")
			.hasAnyRole(Roles.ORDERER, Roles.AGREEMENT_MANAGER, Roles.RECEIVER, Roles.CUSTOMER_SERVICE, Roles.ADMIN)
			.requestMatchers("/api/reorder-suggestions", "/api/reorder-suggestions/**")
			.hasAnyRole(Roles.ORDERER, Roles.AGREEMENT_MANAGER)
			.requestMatchers("/api/support/**")
			.hasAnyRole(Roles.CUSTOMER_SERVICE, Roles.ADMIN));
	}
}
