package org.leverans.notification;

import org.leverans.web.security.ApiSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every path needs a valid token; who may do what is decided per feature (method security on the webhook API,
 * the {@code Caller} elsewhere). Everything else about security is the shared {@link ApiSecurity}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	SecurityFilterChain api(HttpSecurity http, ApiSecurity api) throws Exception {
		return api.filterChain(http, requests -> {
		});
	}
}
