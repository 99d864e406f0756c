package org.leverans.notification.webhook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

	@Test
	void signsLikeTheStandardWebhooksReference() {
		// The example from the Standard Webhooks specification and its reference libraries.
		assertThat(WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
				1614265330, "{\"test\": 2432232314}"))
			.isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

	@Test
	void newSecretsAreRandomAndUsable() {
		String one = WebhookSignature.newSecret();
		assertThat(one).startsWith("whsec_").isNotEqualTo(WebhookSignature.newSecret());
		assertThat(WebhookSignature.sign(one, "msg_1", 1, "{}")).startsWith("v1,");
	}
}
