package org.leverans.order.problems;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request bodies are strict (an unknown field is a 400 naming it, so a typo never silently drops data), while the
 * shared mapper that reads Kafka events stays lenient: contracts may gain fields without breaking readers.
 *
 * <p>
 * The strict converter replaces the JSON converter in its usual place (after the byte array and string
 * converters), rather than being added in front of them, which would JSON-encode raw bodies such as the OpenAPI
 * document. This configurer runs after Boot's own (which is ordered first), so its choice stands.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration implements WebMvcConfigurer {

	private final JsonMapper json;

	JsonConfiguration(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
		builder.withJsonConverter(new JacksonJsonHttpMessageConverter(
				this.json.rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)));
	}
}
