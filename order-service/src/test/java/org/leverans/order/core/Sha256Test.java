package org.leverans.order.core;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Sha256Test {

	@Test
	void writesTheDigestAsLowerCaseHexLikeTheFingerprintsAlreadyStored() {
		assertThat(Sha256.hex("abc".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void hashesItsPartsAsOneRunOfBytes() {
		assertThat(Sha256.hex("a".getBytes(StandardCharsets.UTF_8), "bc".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(Sha256.hex("abc".getBytes(StandardCharsets.UTF_8)));
	}
}
