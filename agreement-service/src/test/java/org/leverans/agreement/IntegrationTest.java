package org.leverans.agreement;

import java.util.UUID;

import org.leverans.testsupport.DemoIds;
import org.leverans.testsupport.infrastructure.TestInfrastructure;
import org.leverans.testsupport.security.TestCaller;
import org.leverans.testsupport.security.TestJwts;
import org.leverans.web.security.JwtRoles;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context every integration test shares: the demo master data in a fresh database on the embedded
 * PostgreSQL, and the embedded Kafka broker.
 */
@SpringBootTest(properties = { "leverans.messaging.retry-interval=50ms", "logging.level.org.apache.kafka=WARN",
		"logging.level.kafka=WARN", "logging.level.state.change.logger=WARN" })
@AutoConfigureMockMvc
@ActiveProfiles("demo")
public abstract class IntegrationTest {

	public static final UUID RAKENNUS = DemoIds.RAKENNUS;

	public static final UUID BYGG = DemoIds.BYGG;

	public static final UUID KIVI = DemoIds.KIVI;

	public static final UUID TAMPERE = DemoIds.TAMPERE;

	public static final UUID KIVI_AGREEMENT = DemoIds.KIVI_AGREEMENT;

	public static final UUID JATKASAARI = DemoIds.JATKASAARI;

	public static final UUID PASILA = DemoIds.PASILA;

	public static final UUID HAMMARBY = DemoIds.HAMMARBY;

	public static final UUID RAKENNUS_AGREEMENT = DemoIds.RAKENNUS_AGREEMENT;

	public static final UUID BYGG_AGREEMENT = DemoIds.BYGG_AGREEMENT;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "agreement");
	}

	/** A bearer token as the auth-server issues it, with roles mapped by the service's own converter. */
	protected static JwtRequestPostProcessor token(String subject, UUID customerId, String... roles) {
		return TestJwts.jwt(TestCaller.of(subject, roles).withCustomer(customerId))
			.authorities(JwtRoles.authorities());
	}
}
