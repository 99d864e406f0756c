package org.leverans.notification.claim;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.claim.ClaimAccepted;
import org.leverans.contracts.claim.ClaimFiled;
import org.leverans.contracts.claim.ClaimRejected;
import org.leverans.contracts.claim.ClaimedLine;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimDataTest {

	private static final Instant AT = Instant.parse("2026-12-04T09:00:00Z");

	private final UUID claimId = UUID.randomUUID();

	private final UUID orderId = UUID.randomUUID();

	private final UUID customerId = UUID.randomUUID();

	private final UUID shipmentId = UUID.randomUUID();

	private final KnownClaim filing = new KnownClaim(this.shipmentId, "SHORT", "mikko");

	@Test
	void aFiledClaimIsOpenWithItsReasonAndShipment() {
		ClaimFiled filed = new ClaimFiled(this.claimId, "CL-000001", this.orderId, "LV-000001", this.customerId,
				this.shipmentId, "nordic-freight", "DAMAGED", "CARRIER", "Two bags torn",
				List.of(new ClaimedLine(1, "CEM-25KG", 2)), "mikko", AT);

		ClaimData data = ClaimData.filed(filed, AT);

		assertThat(data.status()).isEqualTo("OPEN");
		assertThat(data.reason()).isEqualTo("DAMAGED");
		assertThat(data.shipmentId()).isEqualTo(this.shipmentId);
		assertThat(data.claimNumber()).isEqualTo("CL-000001");
		assertThat(data.orderNumber()).isEqualTo("LV-000001");
		assertThat(data.remedy()).isNull();
		assertThat(data.note()).isNull();
	}

	@Test
	void anAcceptedClaimKeepsWhatItsFilingSaidAndAddsTheRemedy() {
		UUID replacement = UUID.randomUUID();
		ClaimAccepted accepted = new ClaimAccepted(this.claimId, "CL-000001", this.orderId, "LV-000001",
				this.customerId, null, "REPLACEMENT", List.of(), replacement, "LV-000099", "  ", "sara", AT);

		ClaimData data = ClaimData.accepted(accepted, this.filing, AT);

		assertThat(data.status()).isEqualTo("ACCEPTED");
		assertThat(data.reason()).isEqualTo("SHORT");
		assertThat(data.shipmentId()).isEqualTo(this.shipmentId);
		assertThat(data.remedy()).isEqualTo("REPLACEMENT");
		assertThat(data.replacementOrderId()).isEqualTo(replacement);
		assertThat(data.replacementOrderNumber()).isEqualTo("LV-000099");
		// A blank note says nothing.
		assertThat(data.note()).isNull();
	}

	@Test
	void aRejectionsReasonIsTheNoteAndTheClaimsOwnReasonComesFromItsFiling() {
		ClaimRejected rejected = new ClaimRejected(this.claimId, "CL-000001", this.orderId, "LV-000001",
				this.customerId, "Signed for without remarks", "sara", AT);

		ClaimData data = ClaimData.rejected(rejected, this.filing, AT);
		ClaimData unknownFiling = ClaimData.rejected(rejected, null, AT);

		assertThat(data.status()).isEqualTo("REJECTED");
		assertThat(data.note()).isEqualTo("Signed for without remarks");
		assertThat(data.reason()).isEqualTo("SHORT");
		assertThat(data.shipmentId()).isEqualTo(this.shipmentId);
		assertThat(unknownFiling.reason()).isNull();
		assertThat(unknownFiling.shipmentId()).isNull();
		assertThat(unknownFiling.note()).isEqualTo("Signed for without remarks");
	}
}
