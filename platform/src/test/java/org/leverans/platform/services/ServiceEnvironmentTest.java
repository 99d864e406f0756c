package org.leverans.platform.services;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.leverans.platform.Ports;
import org.leverans.platform.postgres.PostgresConnection;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceEnvironmentTest {

	private final ServiceEnvironment offsetBy100 = new ServiceEnvironment(new Ports(100), PostgresConnection.local(15532),
			"localhost:9192", Map.of());

	@Test
	void givesAServiceItsPortItsOwnDatabaseAndTheSharedInfrastructure() {
		Map<String, String> env = this.offsetBy100.forService(Service.ORDER);
		assertThat(env).containsEntry("SERVER_PORT", "8181")
			.containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:15532/orders")
			.containsEntry("SPRING_DATASOURCE_USERNAME", "postgres")
			.containsEntry("SPRING_DATASOURCE_PASSWORD", "postgres")
			.containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:9192")
			.containsEntry("SPRING_PROFILES_ACTIVE", "demo")
			.containsEntry("LEVERANS_AUTH_ISSUER_URI", "http://localhost:9100")
			.containsEntry("LEVERANS_CREDIT_BUREAU_URL", "http://localhost:8189")
			.containsEntry("SPRING_MAIL_HOST", "localhost")
			.containsEntry("SPRING_MAIL_PORT", "3125");
		assertThat(this.offsetBy100.forService(Service.CREDIT).keySet())
			.noneMatch((key) -> key.startsWith("LEVERANS_SERVICES_"));
	}

	@Test
	void aFurtherInstanceListensAHundredPortsHigherAndTheGatewayKnowsEveryInstance() {
		ServiceEnvironment twoOrderServices = new ServiceEnvironment(new Ports(10000), PostgresConnection.local(25432),
				"localhost:19092", Map.of(), Map.of(Service.ORDER, 2));

		assertThat(twoOrderServices.forService(Service.ORDER, 0)).containsEntry("SERVER_PORT", "18081");
		assertThat(twoOrderServices.forService(Service.ORDER, 1)).containsEntry("SERVER_PORT", "18181")
			.containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:25432/orders");
		assertThat(twoOrderServices.forService(Service.GATEWAY))
			.containsEntry("LEVERANS_SERVICES_ORDER_URI", "http://localhost:18081,http://localhost:18181")
			.containsEntry("LEVERANS_SERVICES_CREDIT_URI", "http://localhost:18083");
	}

	@Test
	void pointsTheOrderServiceAtTheAgreementServiceOfTheSameCopyForQuotes() {
		Map<String, String> env = this.offsetBy100.forService(Service.ORDER);
		assertThat(env).containsEntry("LEVERANS_SERVICES_AGREEMENT_URI", "http://localhost:8182");
		assertThat(env.keySet().stream().filter((key) -> key.startsWith("LEVERANS_SERVICES_")))
			.containsExactly("LEVERANS_SERVICES_AGREEMENT_URI");
	}

	@Test
	void pointsTheNotificationServiceAtTheAgreementServiceOfTheSameCopyForSites() {
		Map<String, String> env = this.offsetBy100.forService(Service.NOTIFICATION);
		assertThat(env.keySet().stream().filter((key) -> key.startsWith("LEVERANS_SERVICES_")))
			.containsExactly("LEVERANS_SERVICES_AGREEMENT_URI");
		assertThat(env).containsEntry("LEVERANS_SERVICES_AGREEMENT_URI", "http://localhost:8182");
	}

	@Test
	void givesEveryServiceWithDataADifferentDatabase() {
		assertThat(this.offsetBy100.forService(Service.AUTH_SERVER)).containsEntry("SPRING_DATASOURCE_URL",
				"jdbc:postgresql://localhost:15532/auth");
		assertThat(this.offsetBy100.forService(Service.CREDIT)).containsEntry("SPRING_DATASOURCE_URL",
				"jdbc:postgresql://localhost:15532/credit");
		assertThat(this.offsetBy100.forService(Service.GATEWAY)).containsEntry("SPRING_DATASOURCE_URL",
				"jdbc:postgresql://localhost:15532/gateway");
		assertThat(Service.databases()).containsExactly("auth", "agreement", "credit", "orders", "delivery",
				"notification", "billing", "gateway");
	}

	@Test
	void pointsTheGatewayAtEveryServiceOfTheSameCopy() {
		Map<String, String> env = this.offsetBy100.forService(Service.GATEWAY);
		assertThat(env).containsEntry("SERVER_PORT", "8180")
			.containsEntry("LEVERANS_SERVICES_ORDER_URI", "http://localhost:8181")
			.containsEntry("LEVERANS_SERVICES_AGREEMENT_URI", "http://localhost:8182")
			.containsEntry("LEVERANS_SERVICES_CREDIT_URI", "http://localhost:8183")
			.containsEntry("LEVERANS_SERVICES_DELIVERY_URI", "http://localhost:8184")
			.containsEntry("LEVERANS_SERVICES_NOTIFICATION_URI", "http://localhost:8185")
			.containsEntry("LEVERANS_SERVICES_BILLING_URI", "http://localhost:8186")
			.containsEntry("LEVERANS_SERVICES_AUTH_URI", "http://localhost:9100")
			.containsEntry("LEVERANS_AUTH_ISSUER_URI", "http://localhost:9100");
	}

	@Test
	void letsTheAuthServerSendBrowsersBackToTheGatewayOfTheSameCopy() {
		assertThat(this.offsetBy100.forService(Service.AUTH_SERVER))
			.containsEntry("SERVER_PORT", "9100")
			.containsEntry("LEVERANS_AUTH_WEB_CLIENT_REDIRECT_URIS", "http://localhost:8180/login/oauth2/code/leverans")
			.containsEntry("LEVERANS_AUTH_WEB_CLIENT_POST_LOGOUT_REDIRECT_URIS", "http://localhost:8180/");
	}

	@Test
	void letsTheAuthServerSendBrowsersBackToEveryGatewayInstance() {
		ServiceEnvironment twoGateways = new ServiceEnvironment(new Ports(100), PostgresConnection.local(15532),
				"localhost:9192", Map.of(), Map.of(Service.GATEWAY, 2));

		assertThat(twoGateways.forService(Service.AUTH_SERVER))
			.containsEntry("LEVERANS_AUTH_WEB_CLIENT_REDIRECT_URIS",
					"http://localhost:8180/login/oauth2/code/leverans,http://localhost:8280/login/oauth2/code/leverans")
			.containsEntry("LEVERANS_AUTH_WEB_CLIENT_POST_LOGOUT_REDIRECT_URIS",
					"http://localhost:8180/,http://localhost:8280/");
		assertThat(twoGateways.forService(Service.GATEWAY, 1)).containsEntry("SERVER_PORT", "8280")
			.containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:15532/gateway");
	}

	@Test
	void extraEnvironmentOverridesThePlatformsOwn() {
		ServiceEnvironment environment = new ServiceEnvironment(new Ports(0), PostgresConnection.local(15432),
				"localhost:9092", Map.of("SPRING_PROFILES_ACTIVE", "demo,e2e", "LEVERANS_ORDER_TIMEOUT", "PT5S"));
		assertThat(environment.forService(Service.ORDER)).containsEntry("SPRING_PROFILES_ACTIVE", "demo,e2e")
			.containsEntry("LEVERANS_ORDER_TIMEOUT", "PT5S");
	}
}
