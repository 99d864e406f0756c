package org.leverans.notification.webhook;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookTargetsTest {

	private final WebhookTargets production = new WebhookTargets(false);

	private final WebhookTargets development = new WebhookTargets(true);

	@Test
	void acceptsHttpsToACustomerHost() {
		assertThat(this.production.refusalOf(URI.create("https://erp.rakennus.example/hooks"))).isEmpty();
	}

	@Test
	void refusesPlainHttpOutsideDevelopment() {
		assertThat(this.production.refusalOf(URI.create("http://erp.rakennus.example/hooks")))
			.hasValueSatisfying(refusal -> assertThat(refusal.code()).isEqualTo("HTTPS_REQUIRED"));
		assertThat(this.production.refusalOf(URI.create("http://localhost:9999/hooks"))).isPresent();
	}

	@Test
	void acceptsPlainHttpOnlyToLocalhostInDevelopment() {
		assertThat(this.development.refusalOf(URI.create("http://localhost:9999/hooks"))).isEmpty();
		assertThat(this.development.refusalOf(URI.create("http://127.0.0.1:9999/hooks"))).isEmpty();
		assertThat(this.development.refusalOf(URI.create("http://erp.rakennus.example/hooks")))
			.hasValueSatisfying(refusal -> assertThat(refusal.code()).isEqualTo("HTTPS_REQUIRED"));
	}

	@Test
	void refusesLinkLocalAndMetadataAddresses() {
		for (String url : new String[] { "https://169.254.169.254/latest/meta-data", "https://169.254.10.20/x",
				"https://[fe80::1]/x", "https://[fd00:ec2::254]/x", "https://metadata.google.internal/computeMetadata",
				"http://169.254.169.254/", "https://0.0.0.0/x" }) {
			assertThat(this.development.refusalOf(URI.create(url))).as(url)
				.hasValueSatisfying(refusal -> assertThat(refusal.code()).isIn("ADDRESS_NOT_ALLOWED", "HTTPS_REQUIRED"));
			assertThat(this.development.mayConnect(URI.create(url))).as(url).isFalse();
		}
	}

	@Test
	void refusesWhatIsNotAnAbsoluteWebUrl() {
		assertThat(this.production.refusalOf(URI.create("ftp://erp.rakennus.example/hooks")))
			.hasValueSatisfying(refusal -> assertThat(refusal.code()).isEqualTo("INVALID_URL"));
		assertThat(this.production.refusalOf(URI.create("/relative/hooks")))
			.hasValueSatisfying(refusal -> assertThat(refusal.code()).isEqualTo("INVALID_URL"));
	}

	@Test
	void mayConnectToLocalhostReceiversInDevelopment() {
		assertThat(this.development.mayConnect(URI.create("http://localhost:9999/hooks"))).isTrue();
	}
}
