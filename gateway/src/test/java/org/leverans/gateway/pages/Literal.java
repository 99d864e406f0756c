package org.leverans.gateway.pages;

import java.util.ArrayList;
import java.util.List;

/**
 * A string literal in one of the pages' scripts: quoted or a template (whose {@code ${…}} parts read as
 * {@code \u0000}), its line, and whether it is the key of a {@code t(…)} call. Found by a small scanner that knows
 * just enough JavaScript to tell strings from comments, regular expressions and division.
 */
record Literal(String value, int line, boolean translated) {

	static List<Literal> in(String source) {
		Scanner scanner = new Scanner(source);
		scanner.code(0, false);
		return scanner.literals;
	}

	private static final class Scanner {

		private final String s;

		private final List<Literal> literals = new ArrayList<>();

		Scanner(String source) {
			this.s = source;
		}

		/** Scans code from i; inside a template's ${…} it stops after the closing brace and answers where. */
		int code(int i, boolean untilBrace) {
			int depth = 0;
			while (i < this.s.length()) {
				char c = this.s.charAt(i);
				if (c == '/' && next(i) == '/') {
					i = this.s.indexOf('\n', i);
					if (i < 0) {
						return this.s.length();
					}
				}
				else if (c == '/' && next(i) == '*') {
					i = this.s.indexOf("*/", i + 2) + 2;
					if (i < 2) {
						return this.s.length();
					}
				}
				else if (c == '\'' || c == '"') {
					i = quoted(i, c);
				}
				else if (c == '`') {
					i = template(i);
				}
				else if (c == '/' && regexMayStart(i)) {
					i = regex(i);
				}
				else {
					if (c == '{') {
						depth++;
					}
					else if (c == '}') {
						if (depth == 0 && untilBrace) {
							return i + 1;
						}
						depth--;
					}
					i++;
				}
			}
			return i;
		}

		private char next(int i) {
			return (i + 1 < this.s.length()) ? this.s.charAt(i + 1) : '\0';
		}

		private int quoted(int start, char quote) {
			StringBuilder value = new StringBuilder();
			int i = start + 1;
			while (i < this.s.length() && this.s.charAt(i) != quote) {
				if (this.s.charAt(i) == '\\') {
					i++;
				}
				value.append(this.s.charAt(i));
				i++;
			}
			add(start, value.toString());
			return i + 1;
		}

		private int template(int start) {
			StringBuilder value = new StringBuilder();
			int i = start + 1;
			while (i < this.s.length() && this.s.charAt(i) != '`') {
				char c = this.s.charAt(i);
				if (c == '\\') {
					value.append(this.s.charAt(i + 1));
					i += 2;
				}
				else if (c == '$' && next(i) == '{') {
					value.append('\u0000');
					i = code(i + 2, true);
				}
				else {
					value.append(c);
					i++;
				}
			}
			add(start, value.toString());
			return i + 1;
		}

		/** A slash starts a regular expression where a value is expected: after an operator, bracket or return. */
		private boolean regexMayStart(int i) {
			int before = i - 1;
			while (before >= 0 && Character.isWhitespace(this.s.charAt(before))) {
				before--;
			}
			if (before < 0) {
				return true;
			}
			char c = this.s.charAt(before);
			return "(,=:[!&|?{};+-*%<>~^".indexOf(c) >= 0 || this.s.startsWith("return", before - 5);
		}

		private int regex(int start) {
			int i = start + 1;
			boolean inClass = false;
			while (i < this.s.length()) {
				char c = this.s.charAt(i);
				if (c == '\\') {
					i++;
				}
				else if (c == '[') {
					inClass = true;
				}
				else if (c == ']') {
					inClass = false;
				}
				else if (c == '/' && !inClass) {
					break;
				}
				i++;
			}
			return i + 1;
		}

		private void add(int start, String value) {
			this.literals.add(new Literal(value, line(start), isKeyOfT(start)));
		}

		private int line(int index) {
			int line = 1;
			for (int i = 0; i < index; i++) {
				if (this.s.charAt(i) == '\n') {
					line++;
				}
			}
			return line;
		}

		/** Preceded by {@code t(}, where t is a name of its own (not the end of {@code list(}). */
		private boolean isKeyOfT(int start) {
			int i = start - 1;
			while (i >= 0 && Character.isWhitespace(this.s.charAt(i))) {
				i--;
			}
			if (i < 1 || this.s.charAt(i) != '(' || this.s.charAt(i - 1) != 't') {
				return false;
			}
			return i < 2 || !Character.isJavaIdentifierPart(this.s.charAt(i - 2));
		}

	}

}
