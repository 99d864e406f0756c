package org.leverans.web.input;

/**
 * The one rule for text a client sends, in a body, a query parameter or a path:
 * <ul>
 * <li>no control character (Unicode category Cc: U+0000–U+001F and U+007F–U+009F). PostgreSQL cannot store NUL,
 * and the others are never meant in a name, a code or an id; they only hide what a value really is;</li>
 * <li>except tab, line feed and carriage return in a field marked {@link MultilineText} (notes, pasted lines);</li>
 * <li>at most {@link #DEFAULT_MAX_LENGTH} characters, unless the field's own {@code @Size(max)} says otherwise.</li>
 * </ul>
 * Code that reads a body by hand (a {@code JsonNode}) applies the same rule through {@link #problem}.
 */
public final class Text {

	/** The bound on a string that names no bound of its own: a generous name, address or URL. */
	public static final int DEFAULT_MAX_LENGTH = 1000;

	private Text() {
	}

	/**
	 * Why a value breaks the rule, in words that can follow its field's name, or {@code null} when it does not.
	 * @param multiline whether line breaks and tabs are allowed
	 * @param maxLength the most characters the value may have
	 */
	public static String problem(String value, boolean multiline, int maxLength) {
		if (value.length() > maxLength) {
			return "must be at most " + maxLength + " characters";
		}
		int control = firstControl(value, multiline);
		if (control >= 0) {
			return "must not contain control characters (found U+" + String.format("%04X", (int) value.charAt(control))
					+ " at position " + control + ")";
		}
		return null;
	}

	/** Whether the problem found by {@link #problem} is the length. */
	public static boolean tooLong(String value, int maxLength) {
		return value.length() > maxLength;
	}

	/** The index of the first control character the rule refuses, or -1. */
	public static int firstControl(String value, boolean multiline) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isISOControl(c) && !(multiline && (c == '\t' || c == '\n' || c == '\r'))) {
				return i;
			}
		}
		return -1;
	}
}
