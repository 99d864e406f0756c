package org.leverans.web.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.leverans.web.WebConventionsProperties;

/**
 * The service's OpenAPI document at {@code /v3/api-docs}, which the gateway publishes as
 * {@code /api-docs/<service>}: its title and description from {@code leverans.web.api}, and bearer tokens as the
 * one way in.
 */
public final class ApiDocumentation {

	private ApiDocumentation() {
	}

	public static OpenAPI of(WebConventionsProperties.Api api) {
		return new OpenAPI()
			.info(new Info().title(api.title()).description(api.description()).version(api.version()))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}
}
