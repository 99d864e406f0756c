package org.leverans.credit.web;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

/**
 * Request bodies with fields we do not know are refused (a typo must not pass silently). Only HTTP gets this strict
 * mapper: the shared one stays lenient, because events may gain fields without a new version.
 */
@Configuration(proxyBeanMethods = false)
class JsonBodies {

	@Bean
	JacksonJsonHttpMessageConverter strictJsonBodies(JsonMapper json) {
		return new StrictJsonConverter(json.rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build());
	}

	/**
	 * A converter bean is placed before the default byte-array and string converters, so it leaves raw values (like
	 * the OpenAPI document springdoc renders itself) to them instead of quoting them as JSON strings.
	 */
	static class StrictJsonConverter extends JacksonJsonHttpMessageConverter {

		StrictJsonConverter(JsonMapper json) {
			super(json);
		}

		@Override
		public boolean canWrite(ResolvableType type, Class<?> valueClass, MediaType mediaType) {
			return !raw(valueClass) && super.canWrite(type, valueClass, mediaType);
		}

		@Override
		public boolean canWrite(Class<?> type, MediaType mediaType) {
			return !raw(type) && super.canWrite(type, mediaType);
		}

		private static boolean raw(Class<?> type) {
			return type == byte[].class || CharSequence.class.isAssignableFrom(type)
					|| Resource.class.isAssignableFrom(type);
		}
	}
}
