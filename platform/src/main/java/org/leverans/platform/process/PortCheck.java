package org.leverans.platform.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Collection;
import java.util.List;

/** Whether a TCP port is free to listen on. */
public final class PortCheck {

	private PortCheck() {
	}

	/**
	 * Binds the wildcard address briefly: that fails while anything listens on the port, on any address. Connections
	 * lingering in TIME_WAIT do not count (address reuse), since they do not stop a new server either.
	 */
	public static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	public static List<Integer> taken(Collection<Integer> ports) {
		return ports.stream().filter((port) -> !isFree(port)).toList();
	}
}
