package org.leverans.platform.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether anything listens on a local TCP port, read from the kernel's socket tables (Linux) without connecting.
 *
 * <p>
 * Why not just connect: a connect to a local port nobody listens on yet may be given that very port as its own
 * source port when the port lies in the ephemeral range (32768–60999 on Linux; {@code --port-offset 30000} puts the
 * auth-server on 39000), and TCP then connects the socket to itself. That socket holds the port, and the service
 * starting there fails with "Port 39000 was already in use". The readiness probes poll every 250 ms, so this
 * happened on most starts with that offset. Probes therefore ask the kernel first and connect only once someone
 * listens.
 */
public final class ListeningPorts {

	private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));

	private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

	/* st column of /proc/net/tcp */
	private static final String LISTEN = "0A";

	private ListeningPorts() {
	}

	/**
	 * False only when {@code host} is this machine, the kernel's tables can be read, and nothing listens on
	 * {@code port}; where it cannot tell (another host, no /proc), true, so callers connect as they would anyway.
	 */
	public static boolean mayConnect(String host, int port) {
		if (host == null || !LOCAL_HOSTS.contains(host.toLowerCase(Locale.ROOT))) {
			return true;
		}
		boolean readAny = false;
		for (Path table : TABLES) {
			try {
				if (listensIn(Files.readAllLines(table), port)) {
					return true;
				}
				readAny = true;
			}
			catch (IOException | RuntimeException ex) {
				// not Linux, or no IPv6 table: the other table, or the fallback, decides
			}
		}
		return !readAny;
	}

	/** Whether a {@code /proc/net/tcp}-format table has a socket in LISTEN state on local {@code port}. */
	static boolean listensIn(List<String> table, int port) {
		String hexPort = String.format("%04X", port);
		for (String line : table) {
			String[] fields = line.trim().split("\\s+");
			if (fields.length < 4 || !fields[0].endsWith(":")) {
				continue; // the header
			}
			String local = fields[1];
			if (LISTEN.equals(fields[3]) && local.substring(local.lastIndexOf(':') + 1).equalsIgnoreCase(hexPort)) {
				return true;
			}
		}
		return false;
	}
}
