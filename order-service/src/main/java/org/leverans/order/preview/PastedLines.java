package org.leverans.order.preview;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.leverans.contracts.Reason;

/**
 * Reads a quick order pasted from a spreadsheet, an e-mail or an ERP export: one line per product,
 * {@code SKU QUANTITY [PACKAGE_SIZE]}, separated by spaces, commas, semicolons or tabs ({@code CEM-25KG 40},
 * {@code PLY-18MM;12}, {@code NOPE-1\t3}). Blank lines are skipped; line numbers are those of the pasted text, so a
 * problem points at the line the orderer sees.
 *
 * <p>
 * This is only the reading; {@link OrderPreviews} prices the readable lines through agreement-service.
 */
public final class PastedLines {

	/** At most this many lines are read; more is an error, not a silent cut. */
	public static final int MAX_LINES = 500;

	private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");

	private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

	private static final Pattern PACKAGE_SIZE = Pattern.compile("[A-Za-z][A-Za-z_]{0,31}");

	private PastedLines() {
	}

	/**
	 * @param lineNo the line in the pasted text, from 1
	 * @param quantity {@code null} when it is missing or not a whole number (see problems)
	 * @param packageSize {@code null} when the line does not name one
	 * @param problems why the line cannot be ordered as written; empty when it can
	 */
	public record PastedLine(int lineNo, String sku, Integer quantity, String packageSize, List<Reason> problems) {

		public boolean readable() {
			return this.problems.isEmpty();
		}
	}

	public static List<PastedLine> parse(String text) {
		List<PastedLine> lines = new ArrayList<>();
		if (text == null) {
			return lines;
		}
		String[] rows = text.split("\\R", -1);
		for (int i = 0; i < rows.length; i++) {
			// Spreadsheet exports often lead or end with a separator ("\tCEM-25KG\t40;").
			String row = rows[i].replaceAll("^[\\s,;]+|[\\s,;]+$", "");
			if (row.isEmpty()) {
				continue;
			}
			int lineNo = i + 1;
			if (lines.size() == MAX_LINES) {
				lines.add(new PastedLine(lineNo, null, null, null, List.of(Reason.ofLine(lineNo, "TOO_MANY_LINES",
						"At most " + MAX_LINES + " lines can be ordered at once."))));
				break;
			}
			lines.add(parseLine(lineNo, row));
		}
		return lines;
	}

	private static PastedLine parseLine(int lineNo, String row) {
		String[] fields = SEPARATORS.split(row);
		List<Reason> problems = new ArrayList<>();
		String sku = fields[0].toUpperCase(Locale.ROOT);
		if (!SKU.matcher(fields[0]).matches()) {
			problems.add(Reason.ofLine(lineNo, "SKU_INVALID", "'" + fields[0] + "' is not a product code."));
		}
		Integer quantity = null;
		if (fields.length < 2) {
			problems.add(Reason.ofLine(lineNo, "QUANTITY_MISSING", "Give a quantity after the product code."));
		}
		else {
			quantity = quantity(fields[1]);
			if (quantity == null) {
				problems.add(Reason.ofLine(lineNo, "QUANTITY_INVALID",
						"'" + fields[1] + "' is not a whole number between 1 and 1000000."));
			}
		}
		String packageSize = null;
		if (fields.length >= 3) {
			if (PACKAGE_SIZE.matcher(fields[2]).matches()) {
				packageSize = fields[2].toUpperCase(Locale.ROOT);
			}
			else {
				problems.add(Reason.ofLine(lineNo, "PACKAGE_SIZE_INVALID", "'" + fields[2] + "' is not a package size."));
			}
		}
		if (fields.length > 3) {
			problems.add(Reason.ofLine(lineNo, "UNEXPECTED_TEXT",
					"Expected product code, quantity and optionally package size; found more."));
		}
		return new PastedLine(lineNo, sku, quantity, packageSize, List.copyOf(problems));
	}

	private static Integer quantity(String field) {
		if (!field.matches("\\d{1,7}")) {
			return null;
		}
		int value = Integer.parseInt(field);
		return (value >= 1 && value <= 1_000_000) ? value : null;
	}
}
