package org.leverans.agreement;

import org.leverans.contracts.TokenClaims.Roles;
import org.leverans.web.security.ApiSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what; everything else about security is the shared {@link ApiSecurity}. Which customer's data a
 * caller sees is decided in the controllers from the {@code Caller}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain api(HttpSecurity http, ApiSecurity api) throws Exception {
		return api.filterChain(http, requests -> requests.requestMatchers(HttpMethod.GET, "/api/agreements/**")
			.hasAnyRole(Roles.ORDERER, Roles.AGREEMENT_MANAGER, Roles.RECEIVER)
			.requestMatchers(HttpMethod.GET, "/api/catalog", "/api/catalog/**")
			.hasAnyRole(Roles.ORDERER, Roles.AGREEMENT_MANAGER)
			.requestMatchers(HttpMethod.POST, "/api/catalog/codes")
			.hasAnyRole(Roles.ORDERER, Roles.AGREEMENT_MANAGER, Roles.CUSTOMER_SERVICE, Roles.ADMIN)
			.requestMatchers(HttpMethod.POST, "/api/catalog/quote")
			.hasAnyRole(Roles.ORDERER, Roles.AGREEMENT_MANAGER)
			.requestMatchers("/api/approvals", "/api/approvals/**", "/api/approval-limits", "/api/approval-limits/**")
			.hasRole(Roles.AGREEMENT_MANAGER)
			.requestMatchers("/api/admin/**")
			.hasRole(Roles.ADMIN));
	}
}
