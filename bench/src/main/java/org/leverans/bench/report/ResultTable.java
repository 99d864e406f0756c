package org.leverans.bench.report;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table, so what the benchmark prints can be pasted into {@code docs/performance.md} as it is. */
public final class ResultTable {

	private final List<String[]> rows = new ArrayList<>();

	public ResultTable row(String measure, String value) {
		this.rows.add(new String[] { measure, value });
		return this;
	}

	public String render() {
		int width = "measure".length();
		for (String[] row : this.rows) {
			width = Math.max(width, row[0].length());
		}
		StringBuilder text = new StringBuilder();
		text.append(line(width, "measure", "value"));
		text.append("|").append("-".repeat(width + 2)).append("|-------|\n");
		for (String[] row : this.rows) {
			text.append(line(width, row[0], row[1]));
		}
		return text.toString();
	}

	private static String line(int width, String measure, String value) {
		return "| " + measure + " ".repeat(width - measure.length()) + " | " + value + " |\n";
	}
}
