package org.leverans.drill.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The drill's part of a Markdown page: everything between {@value #BEGIN} and {@value #END} is replaced by the latest
 * run, the rest of the page is left as written. A page without the markers gets them at its end.
 */
public final class ReportFile {

	static final String BEGIN = "<!-- drill:begin (written by ./leverans drill) -->";

	static final String END = "<!-- drill:end -->";

	private ReportFile() {
	}

	public static void write(Path page, String section) throws IOException {
		String text = Files.exists(page) ? Files.readString(page) : "";
		Files.writeString(page, replaced(text, section));
	}

	static String replaced(String page, String section) {
		String block = BEGIN + "\n" + section.strip() + "\n" + END;
		int begin = page.indexOf(BEGIN);
		int end = page.indexOf(END);
		if (begin >= 0 && end > begin) {
			return page.substring(0, begin) + block + page.substring(end + END.length());
		}
		return page + (page.isEmpty() || page.endsWith("\n\n") ? "" : page.endsWith("\n") ? "\n" : "\n\n") + block
				+ "\n";
	}
}
