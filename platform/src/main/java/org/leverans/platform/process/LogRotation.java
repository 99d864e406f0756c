package org.leverans.platform.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Keeps a component's earlier logs when it starts again: {@code order-service.log} becomes
 * {@code order-service.log.1}, that one {@code .2}, and so on, up to {@link #KEPT}. A restart after an outage or a
 * crash is exactly when the log of what went before is wanted.
 */
public final class LogRotation {

	public static final int KEPT = 5;

	private LogRotation() {
	}

	/** Moves a non-empty log and its older generations one step back, dropping the oldest. */
	public static void rotate(Path logFile) {
		try {
			Files.createDirectories(logFile.getParent());
			if (!Files.exists(logFile) || Files.size(logFile) == 0) {
				return;
			}
			Files.deleteIfExists(generation(logFile, KEPT));
			for (int n = KEPT - 1; n >= 1; n--) {
				Path older = generation(logFile, n);
				if (Files.exists(older)) {
					Files.move(older, generation(logFile, n + 1), StandardCopyOption.REPLACE_EXISTING);
				}
			}
			Files.move(logFile, generation(logFile, 1), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not rotate " + logFile, ex);
		}
	}

	public static Path generation(Path logFile, int n) {
		return logFile.resolveSibling(logFile.getFileName() + "." + n);
	}
}
