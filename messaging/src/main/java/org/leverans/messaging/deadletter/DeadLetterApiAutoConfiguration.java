package org.leverans.messaging.deadletter;

import org.leverans.messaging.MessagingAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dead-letter admin API and health detail, in every service that consumes events and answers HTTP the shared
 * way (web-conventions).
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.leverans.web.problem.ApiProblem")
@ConditionalOnBean(DeadLetters.class)
public class DeadLetterApiAutoConfiguration {

	@Bean
	DeadLetterController deadLetterController(DeadLetters deadLetters) {
		return new DeadLetterController(deadLetters);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	static class DeadLetterHealth {

		@Bean
		HealthIndicator deadLettersHealthIndicator(DeadLetters deadLetters) {
			return new DeadLettersHealthIndicator(deadLetters);
		}
	}
}
