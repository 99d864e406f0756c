package org.leverans.notification.webhook;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The test verifier itself is checked against the specification's reference example. */
class StandardWebhooksVerifierTest {

	private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";

	private static final String TIMESTAMP = "1614265330";

	private static final String BODY = "{\"test\": 2432232314}";

	private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

	private static final Instant THEN = Instant.ofEpochSecond(1614265330);

	@Test
	void acceptsTheSpecificationsExample() {
		assertThat(StandardWebhooksVerifier.verify(SECRET, ID, TIMESTAMP, SIGNATURE, BODY, THEN)).isTrue();
	}

	@Test
	void acceptsAnyMatchingEntryOfASpaceSeparatedList() {
		String other = "v1,bm90IHRoZSBzaWduYXR1cmUgYXQgYWxsIG5vdCBhdCBhbGw=";
		assertThat(StandardWebhooksVerifier.verify(SECRET, ID, TIMESTAMP, other + " " + SIGNATURE, BODY, THEN))
			.isTrue();
		assertThat(StandardWebhooksVerifier.verify(SECRET, ID, TIMESTAMP, other, BODY, THEN)).isFalse();
	}

	@Test
	void rejectsAChangedBodyAnOldTimestampAndOtherVersions() {
		assertThat(StandardWebhooksVerifier.verify(SECRET, ID, TIMESTAMP, SIGNATURE, BODY + " ", THEN)).isFalse();
		assertThat(StandardWebhooksVerifier.verify(SECRET, ID, TIMESTAMP, SIGNATURE, BODY, THEN.plusSeconds(301)))
			.isFalse();
		assertThat(StandardWebhooksVerifier.verify(SECRET, ID, TIMESTAMP, SIGNATURE.replace("v1,", "v1a,"), BODY,
				THEN)).isFalse();
	}
}
