package org.leverans.testsupport.hostile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * Hostile variants of a valid query string, for property tests of a {@code GET} endpoint, in the manner of
 * {@link HostileBodies}: each changes one parameter (or adds one), so every change is tested past the checks of
 * the others. The kinds:
 * <ul>
 * <li>{@code CONTROL_CHARACTER}: a value gets NUL, BEL, ESC, DEL or a C1 control;</li>
 * <li>{@code HUGE_VALUE}: a value becomes 1 001 to 4 000 characters;</li>
 * <li>{@code WRONG_TYPE}: a value becomes a word, a fraction, a boolean, an id, a date or nothing;</li>
 * <li>{@code ODD_NUMBER}: a number becomes negative, past {@code int} or {@code long}, or {@code NaN};</li>
 * <li>{@code WRONG_ENUM}: a value that looks like a constant becomes another word or lower case;</li>
 * <li>{@code UNKNOWN_PARAMETER}: a parameter the endpoint does not take;</li>
 * <li>{@code REPEATED_PARAMETER}: a parameter given twice, with different values;</li>
 * <li>{@code ODD_TEXT}: a value becomes SQL, a path, markup, right-to-left or emoji text, or bytes that are not
 * UTF-8.</li>
 * </ul>
 * Seeded like {@link HostileBodies}: {@code -Dleverans.hostile.seed=<seed>} replays a failure.
 */
public final class HostileQueries {

	private static final String[] CONTROLS = { "\u0000", "\u0001", "\u0007", "\u001b", "\u007f", "\u0085" };

	private static final String[] WRONG_TYPES = { "x", "1.5", "true", "", "2026-13-45", "[]", "{}",
			"6f1d1c1e-0000-0000-0000-00000000000g", "null" };

	private static final String[] ODD_NUMBERS = { "-1", "-2147483649", "2147483648", "99999999999999999999", "1e3",
			"NaN", "0x10", " 1" };

	/** Already encoded: some are not even UTF-8 once decoded. */
	private static final String[] ODD_TEXTS_ENCODED = { "%27%20OR%20%271%27%3D%271", "..%2F..%2Fetc%2Fpasswd",
			"%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%E2%80%AEevil", "%F0%9F%98%80", "%ED%A0%80", "%FF%FE", "%25" };

	private final Map<String, String> valid;

	private final Random random;

	private final long seed;

	private HostileQueries(Map<String, String> valid, long seed) {
		this.valid = valid;
		this.seed = seed;
		this.random = new Random(seed);
	}

	/** Variants of this valid query ({@code a=1&b=x}, values not encoded), seeded as {@link HostileBodies#of}. */
	public static HostileQueries of(String validQuery) {
		Map<String, String> parameters = new LinkedHashMap<>();
		for (String pair : validQuery.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				parameters.put(pair.substring(0, equals), pair.substring(equals + 1));
			}
		}
		if (parameters.isEmpty()) {
			throw new IllegalArgumentException("A valid query with at least one parameter is needed: " + validQuery);
		}
		String fixed = System.getProperty("leverans.hostile.seed");
		return new HostileQueries(parameters, (fixed != null) ? Long.parseLong(fixed) : new Random().nextLong());
	}

	public long seed() {
		return this.seed;
	}

	/** {@code count} variants; the first ones cover each kind once, the rest are drawn at random. */
	public List<HostileQuery> take(int count) {
		List<Supplier<HostileQuery>> kinds = List.of(this::controlCharacter, this::hugeValue, this::wrongType,
				this::oddNumber, this::wrongEnum, this::unknownParameter, this::repeatedParameter, this::oddText);
		List<HostileQuery> queries = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Supplier<HostileQuery> kind = (i < kinds.size()) ? kinds.get(i)
					: kinds.get(this.random.nextInt(kinds.size()));
			HostileQuery query = kind.get();
			queries.add((query != null) ? query : wrongType());
		}
		return queries;
	}

	private HostileQuery controlCharacter() {
		String name = anyParameter();
		String value = this.valid.get(name);
		int where = value.isEmpty() ? 0 : this.random.nextInt(value.length() + 1);
		String control = CONTROLS[this.random.nextInt(CONTROLS.length)];
		return with("CONTROL_CHARACTER", name, encode(value.substring(0, where) + control + value.substring(where)));
	}

	private HostileQuery hugeValue() {
		String name = anyParameter();
		// Over the 1,000-character bound, under the 8 KB a server takes for a request line (longer URLs are refused
		// by the container, or by a proxy, before any service code runs)
		return with("HUGE_VALUE", name, encode("x".repeat(1001 + this.random.nextInt(3_000))));
	}

	private HostileQuery wrongType() {
		String name = anyParameter();
		return with("WRONG_TYPE", name, encode(WRONG_TYPES[this.random.nextInt(WRONG_TYPES.length)]));
	}

	private HostileQuery oddNumber() {
		List<String> numbers = this.valid.keySet().stream().filter(name -> this.valid.get(name).matches("\\d+")).toList();
		if (numbers.isEmpty()) {
			return null;
		}
		String name = numbers.get(this.random.nextInt(numbers.size()));
		return with("ODD_NUMBER", name, encode(ODD_NUMBERS[this.random.nextInt(ODD_NUMBERS.length)]));
	}

	private HostileQuery wrongEnum() {
		List<String> constants = this.valid.keySet()
			.stream()
			.filter(name -> this.valid.get(name).matches("[A-Z][A-Z_]+"))
			.toList();
		if (constants.isEmpty()) {
			return null;
		}
		String name = constants.get(this.random.nextInt(constants.size()));
		String value = this.random.nextBoolean() ? this.valid.get(name).toLowerCase(Locale.ROOT) : "NOPE";
		return with("WRONG_ENUM", name, encode(value));
	}

	private HostileQuery unknownParameter() {
		String name = List.of("sort", "debug", "q2", "__proto__", "page[size]").get(this.random.nextInt(5));
		StringJoiner query = encodedValid(null);
		query.add(encode(name) + "=1");
		return new HostileQuery("UNKNOWN_PARAMETER", name, query.toString());
	}

	private HostileQuery repeatedParameter() {
		String name = anyParameter();
		StringJoiner query = encodedValid(null);
		query.add(encode(name) + "=" + encode(WRONG_TYPES[this.random.nextInt(WRONG_TYPES.length)]));
		return new HostileQuery("REPEATED_PARAMETER", name, query.toString());
	}

	private HostileQuery oddText() {
		String name = anyParameter();
		return with("ODD_TEXT", name, ODD_TEXTS_ENCODED[this.random.nextInt(ODD_TEXTS_ENCODED.length)]);
	}

	private String anyParameter() {
		List<String> names = new ArrayList<>(this.valid.keySet());
		return names.get(this.random.nextInt(names.size()));
	}

	/** The valid query with one parameter's value replaced by an already encoded one. */
	private HostileQuery with(String kind, String name, String encodedValue) {
		StringJoiner query = encodedValid(name);
		query.add(encode(name) + "=" + encodedValue);
		return new HostileQuery(kind, name, query.toString());
	}

	private StringJoiner encodedValid(String except) {
		StringJoiner query = new StringJoiner("&");
		this.valid.forEach((name, value) -> {
			if (!name.equals(except)) {
				query.add(encode(name) + "=" + encode(value));
			}
		});
		return query;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
