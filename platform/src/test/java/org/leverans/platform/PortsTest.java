package org.leverans.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.leverans.platform.services.Service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PortsTest {

	@Test
	void usesTheDocumentedPortsWithoutOffset() {
		Ports ports = new Ports(0);
		assertThat(ports.postgres()).isEqualTo(15432);
		assertThat(ports.kafka()).isEqualTo(9092);
		assertThat(ports.kafkaController()).isEqualTo(9093);
		assertThat(ports.creditBureau()).isEqualTo(8089);
		assertThat(ports.smtp()).isEqualTo(3025);
		assertThat(ports.mailApi()).isEqualTo(8090);
		assertThat(ports.service(Service.GATEWAY)).isEqualTo(8080);
		assertThat(ports.service(Service.AUTH_SERVER)).isEqualTo(9000);
		assertThat(ports.service(Service.ORDER)).isEqualTo(8081);
		assertThat(ports.service(Service.NOTIFICATION)).isEqualTo(8085);
	}

	@Test
	void movesEveryPortByTheOffset() {
		Ports ports = new Ports(10000);
		assertThat(ports.postgres()).isEqualTo(25432);
		assertThat(ports.kafka()).isEqualTo(19092);
		assertThat(ports.kafkaController()).isEqualTo(19093);
		assertThat(ports.creditBureau()).isEqualTo(18089);
		assertThat(ports.smtp()).isEqualTo(13025);
		assertThat(ports.mailApi()).isEqualTo(18090);
		for (Service service : Service.values()) {
			assertThat(ports.service(service)).isEqualTo(service.defaultPort() + 10000);
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 5, 7, 910, 920 })
	void rejectsAnOffsetThatMovesAPortOntoOneOfAPlatformWithoutOffset(int offset) {
		assertThatIllegalArgumentException().isThrownBy(() -> new Ports(offset)).withMessageContaining("moves port");
	}

	@Test
	void rejectsAnOffsetThatMovesAPortBeyondTheLastOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Ports(50200)).withMessageContaining("65535");
	}

	@Test
	void rejectsANegativeOffset() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Ports(-100));
	}

	@ParameterizedTest
	@ValueSource(ints = { 100, 1000, 10000, 12000 })
	void acceptsTheOffsetsASecondCopyUses(int offset) {
		assertThat(new Ports(offset).offset()).isEqualTo(offset);
	}
}
