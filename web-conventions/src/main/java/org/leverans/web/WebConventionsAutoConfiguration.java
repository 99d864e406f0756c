package org.leverans.web;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import jakarta.validation.Validator;
import org.leverans.web.caller.CallerArgumentResolver;
import org.leverans.web.input.CheckedBodies;
import org.leverans.web.input.StrictRequestParameters;
import org.leverans.web.openapi.ApiDocumentation;
import org.leverans.web.problem.ProblemErrorController;
import org.leverans.web.problem.ProblemHandling;
import org.leverans.web.problem.SecurityProblems;
import org.leverans.web.problem.StrictJsonBodies;
import org.leverans.web.security.ApiSecurity;
import org.leverans.web.security.HeaderText;
import org.leverans.web.security.VerifiedTokens;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web conventions every service shares, so that none writes its own: problems, strict JSON bodies, the
 * {@code Caller} parameter, the resource-server security shape and the OpenAPI document. A service keeps only its
 * access rules and its own problem kinds.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebConventionsProperties.class)
public class WebConventionsAutoConfiguration {

	@Bean
	CheckedBodies checkedBodies(ObjectProvider<Validator> validator) {
		return new CheckedBodies(validator);
	}

	@Bean
	ProblemHandling problemHandling(WebConventionsProperties properties) {
		return new ProblemHandling(properties.retryAfter());
	}

	@Bean
	ProblemErrorController problemErrorController(WebConventionsProperties properties) {
		return new ProblemErrorController(properties.retryAfter());
	}

	@Bean
	SecurityProblems securityProblems(JsonMapper json) {
		return new SecurityProblems(json);
	}

	@Bean
	ApiSecurity apiSecurity(SecurityProblems problems) {
		return new ApiSecurity(problems);
	}

	/** Every service's token decoder remembers the tokens it verified ({@link VerifiedTokens}). */
	@Bean
	static BeanPostProcessor verifiedTokens() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokens))
						? new VerifiedTokens(decoder) : bean;
			}
		};
	}

	/**
	 * Spring Security would observe every filter of every request: a measurable share of a request's CPU that tells
	 * an operator nothing the request's own observation ({@code http.server.requests}) does not.
	 */
	@Bean
	@ConditionalOnMissingBean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/** Spring Security's firewall, as strict, with the header checks that pass plain text at once ({@link HeaderText}). */
	@Bean
	@ConditionalOnMissingBean
	HttpFirewall httpFirewall() {
		return HeaderText.firewall();
	}

	@Bean
	StrictJsonBodies strictJsonBodies(JsonMapper json) {
		return new StrictJsonBodies(json);
	}

	@Bean
	WebMvcConfigurer callerParameters() {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CallerArgumentResolver());
			}
		};
	}

	@Bean
	WebMvcConfigurer strictRequestParameters() {
		return new WebMvcConfigurer() {
			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(new StrictRequestParameters("org.leverans"));
			}
		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(OpenAPI.class)
	static class OpenApiConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OpenAPI apiDocumentation(WebConventionsProperties properties,
				@Value("${spring.application.name:Leverans service}") String applicationName) {
			WebConventionsProperties.Api api = properties.api();
			return ApiDocumentation.of(new WebConventionsProperties.Api(
					(api.title() != null) ? api.title() : "Leverans " + applicationName, api.description(),
					api.version()));
		}
	}
}
