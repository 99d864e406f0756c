package org.leverans.testsupport.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports for servers a test starts itself, or for a service that must find nothing listening. */
public final class FreePorts {

	private FreePorts() {
	}

	/** A port nothing listens on right now (the operating system picks it, so parallel builds do not collide). */
	public static int any() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port", ex);
		}
	}
}
