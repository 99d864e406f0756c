package org.leverans.testsupport.hostile;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HostileBodiesTest {

	private static final String VALID = """
			{"purchaseOrderNumber":"PO-1","deliveryMode":"COMPLETE",
			 "lines":[{"sku":"CEM-25KG","quantity":40}]}""";

	@AfterEach
	void forgetSeed() {
		System.clearProperty("leverans.hostile.seed");
	}

	@Test
	void coversEveryKindBeforeDrawingAtRandom() {
		List<HostileBody> bodies = HostileBodies.of(VALID).take(9);
		assertThat(bodies).extracting(HostileBody::kind)
			.containsExactly(bodies.getFirst().kind(), "WRONG_TYPE", "HUGE_STRING", "ODD_NUMBER", "WRONG_ENUM",
					"MISSING_FIELD", "EXTRA_FIELD", "ODD_TEXT", "WHOLE_BODY");
		assertThat(bodies.getFirst().kind()).isIn("CONTROL_CHARACTER", "LINE_BREAK");
		assertThat(bodies).extracting(HostileBody::json).doesNotContain(VALID);
	}

	@Test
	void changesTheValidBodyInOnePlaceItNames() {
		HostileBody controlled = HostileBodies.of(VALID).take(1).getFirst();
		assertThat(controlled.pointer()).isIn("/purchaseOrderNumber", "/deliveryMode", "/lines/0/sku");
		assertThat(controlled.json()).containsPattern("\\\\u00[01][0-9A-F]|\\\\u007F|\\\\[tnr]|[\u007f\u0085]");
	}

	@Test
	void namesTheFieldAsProblemsDo() {
		assertThat(HostileRequests.fieldOf("/lines/0/sku")).isEqualTo("lines[0].sku");
		assertThat(HostileRequests.fieldOf("/purchaseOrderNumber")).isEqualTo("purchaseOrderNumber");
		assertThat(HostileRequests.fieldOf("/channels/email/1")).isEqualTo("channels.email[1]");
		assertThat(HostileRequests.fieldOf("")).isEmpty();
	}

	@Test
	void replaysTheSameBodiesForTheSameSeed() {
		System.setProperty("leverans.hostile.seed", "42");
		List<HostileBody> first = HostileBodies.of(VALID).take(30);
		List<HostileBody> again = HostileBodies.of(VALID).take(30);
		assertThat(again).isEqualTo(first);
		assertThat(HostileBodies.of(VALID).seed()).isEqualTo(42);
	}
}
