package org.leverans.agreement;

import java.util.List;
import java.util.UUID;

import org.leverans.agreement.web.SecurityConfiguration;
import org.leverans.testsupport.infrastructure.TestInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
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

	public static final UUID RAKENNUS = UUID.fromString("11111111-1111-1111-1111-111111111111");

	public static final UUID BYGG = UUID.fromString("22222222-2222-2222-2222-222222222222");

	public static final UUID KIVI = UUID.fromString("33333333-3333-3333-3333-333333333333");

	public static final UUID TAMPERE = UUID.fromString("33333333-0000-0000-0000-000000000001");

	public static final UUID KIVI_AGREEMENT = UUID.fromString("a3333333-0000-0000-0000-000000000001");

	public static final UUID JATKASAARI = UUID.fromString("11111111-0000-0000-0000-000000000001");

	public static final UUID PASILA = UUID.fromString("11111111-0000-0000-0000-000000000002");

	public static final UUID HAMMARBY = UUID.fromString("22222222-0000-0000-0000-000000000001");

	public static final UUID RAKENNUS_AGREEMENT = UUID.fromString("a1111111-0000-0000-0000-000000000001");

	public static final UUID BYGG_AGREEMENT = UUID.fromString("a2222222-0000-0000-0000-000000000001");

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "agreement");
	}

	/** A bearer token as the auth-server issues it, with roles mapped the way the service maps them. */
	protected static JwtRequestPostProcessor token(String subject, UUID customerId, String... roles) {
		return SecurityMockMvcRequestPostProcessors.jwt().jwt(jwt -> {
			jwt.subject(subject).claim("roles", List.of(roles));
			if (customerId != null) {
				jwt.claim("customer_id", customerId.toString());
			}
		}).authorities(SecurityConfiguration.authoritiesConverter());
	}
}
