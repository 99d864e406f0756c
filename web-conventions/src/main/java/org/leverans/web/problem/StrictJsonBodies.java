package org.leverans.web.problem;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request bodies are strict: an unknown field is a 400 naming it, so a typo never silently drops data. The shared
 * mapper that reads Kafka events stays lenient, because contracts may gain fields without breaking readers.
 *
 * <p>
 * The strict converter takes the JSON converter's usual place (after the byte array and string converters) rather
 * than going in front of them, which would JSON-encode raw bodies such as the OpenAPI document.
 */
public class StrictJsonBodies implements WebMvcConfigurer {

	private final JsonMapper json;

	public StrictJsonBodies(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
		builder.withJsonConverter(new JacksonJsonHttpMessageConverter(
				this.json.rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)));
	}
}
