package org.leverans.web.problem;

import java.math.BigDecimal;

import org.leverans.web.input.ControlFreeScalars;
import org.leverans.web.input.StrictDecimals;
import org.leverans.web.input.StrictStrings;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request bodies are strict, so that what a client sends is what is stored or refused, never a guess:
 * <ul>
 * <li>an unknown field is a 400 naming it, so a typo never silently drops data;</li>
 * <li>a value of the wrong JSON type is a 400 naming it, never coerced: a number or a boolean is not a string, a
 * string is not a number or a boolean, {@code 1.5} is not a whole number, {@code 0} is not an enum constant. Only
 * decimals ({@code BigDecimal}) take a string, because money travels as {@code "336.00"}, and only a plain decimal
 * one ({@link StrictDecimals});</li>
 * <li>text follows {@link org.leverans.web.input.Text}: bounded, and without control characters;</li>
 * <li>a field given twice is malformed JSON.</li>
 * </ul>
 * The shared mapper that reads Kafka events stays lenient, because contracts may gain fields without breaking
 * readers.
 *
 * <p>
 * The strict converter takes the JSON converter's usual place (after the byte array and string converters) rather
 * than going in front of them, which would JSON-encode raw bodies such as the OpenAPI document.
 */
public class StrictJsonBodies implements WebMvcConfigurer {

	private final JsonMapper json;

	public StrictJsonBodies(JsonMapper json) {
		this.json = strict(json);
	}

	/** The shared mapper made strict, as request bodies are read. */
	public static JsonMapper strict(JsonMapper json) {
		return json.rebuild()
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
					DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.withCoercionConfig(LogicalType.Textual,
					config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Integer,
					config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Float,
					config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Boolean,
					config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
			.addModule(new SimpleModule("leverans-strict-text").addDeserializer(String.class, new StrictStrings())
				.addKeyDeserializer(String.class, new StrictStrings.Keys())
				.addDeserializer(BigDecimal.class, new StrictDecimals())
				.setDeserializerModifier(new ControlFreeScalars()))
			.build();
	}

	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
		builder.withJsonConverter(new JacksonJsonHttpMessageConverter(this.json));
	}
}
