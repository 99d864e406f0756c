package org.leverans.billing;

import org.leverans.contracts.TokenClaims.Roles;
import org.leverans.web.security.ApiSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what; everything else about security is the shared {@link ApiSecurity}. Which invoices a buyer
 * sees is decided per invoice, from the caller's customer and the orders they placed.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain api(HttpSecurity http, ApiSecurity api) throws Exception {
		return api.filterChain(http, requests -> requests.requestMatchers("/api/admin/**")
			.hasRole(Roles.ADMIN)
			.requestMatchers("/api/support/**")
			.hasAnyRole(Roles.CUSTOMER_SERVICE, Roles.ADMIN)
			.requestMatchers("/api/reports/**")
			.hasAnyRole(Roles.AGREEMENT_MANAGER, Roles.CUSTOMER_SERVICE, Roles.ADMIN));
	}
}
