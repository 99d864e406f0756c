package org.leverans.notification;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /v3/api-docs}; the gateway publishes it as {@code /api-docs/notification-service}. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI notificationServiceApi() {
		return new OpenAPI()
			.info(new Info().title("Leverans notification-service")
				.description("Live updates (Server-Sent Events at /api/stream, resumable with Last-Event-ID), "
						+ "e-mail preferences and signed webhooks (Standard Webhooks).")
				.version("v1"))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}
}
