package org.leverans.platform.process;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ListeningPortsTest {

	@Test
	void findsAListeningSocketInTheKernelTableAndIgnoresConnectedOnes() {
		List<String> table = List.of(
				"  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
				"   0: 0100007F:9858 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1",
				"   1: 0100007F:8CA0 0100007F:8CA0 06 00000000:00000000 03:00000f3a 00000000     0        0 0 3");

		assertThat(ListeningPorts.listensIn(table, 39000)).isTrue();
		// 36000 only has a self-connected socket in TIME_WAIT: nobody listens
		assertThat(ListeningPorts.listensIn(table, 36000)).isFalse();
		assertThat(ListeningPorts.listensIn(table, 8080)).isFalse();
	}

	@Test
	void aLocalPortMayBeConnectedToOnlyWhileSomeoneListensThere() throws Exception {
		assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "needs Linux's /proc/net/tcp");
		int port;
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = server.getLocalPort();
			assertThat(ListeningPorts.mayConnect("localhost", port)).isTrue();
		}
		assertThat(ListeningPorts.mayConnect("localhost", port)).isFalse();
		assertThat(ListeningPorts.mayConnect("db.example", port)).as("another host: cannot tell, so connect").isTrue();
	}
}
