package org.leverans.web;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.leverans.web.security.VerifiedTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * How every service's security behaves beyond its access rules: requests are observed as requests, not filter by
 * filter, and verified tokens are remembered.
 */
@SpringBootTest(classes = { WebConventionsApplication.class, SecurityConventionsIntegrationTest.Observed.class })
@AutoConfigureMockMvc
class SecurityConventionsIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	List<String> observed;

	@Autowired
	JwtDecoder decoder;

	@Test
	void theServicesTokenDecoderRemembersTheTokensItVerified() {
		assertThat(this.decoder).isInstanceOf(VerifiedTokens.class);
	}

	@Test
	void aRequestStartsNoSpringSecurityObservations() throws Exception {
		this.mvc.perform(get("/me")).andExpect(status().isUnauthorized());

		assertThat(this.observed).noneMatch(name -> name.startsWith("spring.security"));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Observed {

		@Bean
		List<String> observed() {
			return new CopyOnWriteArrayList<>();
		}

		@Bean
		ObservationRegistry observationRegistry(List<String> observed) {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(new ObservationHandler<>() {
				@Override
				public void onStart(Observation.Context context) {
					observed.add(context.getName());
				}

				@Override
				public boolean supportsContext(Observation.Context context) {
					return true;
				}
			});
			return registry;
		}
	}
}
