package org.leverans.platform.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines of a log file, to show why a component failed without making anyone open the file. */
public final class LogTail {

	private static final int MAX_BYTES = 256 * 1024;

	private LogTail() {
	}

	public static List<String> lastLines(Path file, int count) {
		if (!Files.isRegularFile(file)) {
			return List.of();
		}
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
			long length = raf.length();
			int size = (int) Math.min(length, MAX_BYTES);
			byte[] bytes = new byte[size];
			raf.seek(length - size);
			raf.readFully(bytes);
			String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\\R");
			int from = Math.max(0, lines.length - count);
			return Arrays.asList(lines).subList(from, lines.length);
		}
		catch (IOException ex) {
			return List.of("(could not read " + file + ": " + ex.getMessage() + ")");
		}
	}
}
