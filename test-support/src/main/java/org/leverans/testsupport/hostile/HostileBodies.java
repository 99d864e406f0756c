package org.leverans.testsupport.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile variants of a valid request body, for property tests of an endpoint: each changes the valid body in one
 * place, so every change is tested on its own, past the checks of the rest of the body. The kinds are what a fuzzer
 * or a careless client sends:
 * <ul>
 * <li>{@code CONTROL_CHARACTER}: a string gets NUL, BEL, ESC, DEL or a C1 control; {@code LINE_BREAK}: a tab or a
 * line break instead (allowed in multi-line text only);</li>
 * <li>{@code WRONG_TYPE}: any value becomes a number, a fraction, a boolean, a string, an object, an array or
 * null;</li>
 * <li>{@code HUGE_STRING}: a string becomes 1 001 to 100 000 characters;</li>
 * <li>{@code ODD_NUMBER}: a number becomes negative, zero, a fraction, past {@code long} or {@code 1e400};</li>
 * <li>{@code WRONG_ENUM}: a value that looks like a constant ({@code PALLET}) becomes another word or lower
 * case;</li>
 * <li>{@code MISSING_FIELD} and {@code EXTRA_FIELD}: a field is dropped, or an unknown one added;</li>
 * <li>{@code ODD_TEXT}: a string becomes blank, a lone surrogate, right-to-left or emoji text;</li>
 * <li>{@code WHOLE_BODY}: not an object at all, truncated, or nested thousands deep.</li>
 * </ul>
 * The generator is seeded: a failure names its seed, and {@code -Dleverans.hostile.seed=<seed>} replays it.
 */
public final class HostileBodies {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** Never allowed in any text field. */
	private static final String[] CONTROLS = { "\u0000", "\u0001", "\u0007", "\u001b", "\u007f", "\u0085" };

	/** Allowed only where a field is multi-line text. */
	private static final String[] LINE_BREAKS = { "\t", "\n", "\r\n" };

	private static final String[] ODD_TEXTS = { "", " ", "\ud800", "\u202eevil", "😀🏗️", "Ω≈ç√∫", "' OR '1'='1",
			"<script>alert(1)</script>", "%00", "../../etc/passwd" };

	private static final String[] WHOLE_BODIES = { "", "null", "[]", "42", "\"text\"", "true", "{", "{\"a\":",
			"{}", "[{}]", "{\"\u0000\":1}" };

	private final JsonNode valid;

	private final Random random;

	private final long seed;

	private HostileBodies(JsonNode valid, long seed) {
		this.valid = valid;
		this.seed = seed;
		this.random = new Random(seed);
	}

	/** Variants of this valid body, seeded by {@code leverans.hostile.seed} when set, else at random. */
	public static HostileBodies of(String validJson) {
		String fixed = System.getProperty("leverans.hostile.seed");
		return new HostileBodies(JSON.readTree(validJson),
				(fixed != null) ? Long.parseLong(fixed) : new Random().nextLong());
	}

	public long seed() {
		return this.seed;
	}

	/** {@code count} variants; the first ones cover each kind once, the rest are drawn at random. */
	public List<HostileBody> take(int count) {
		List<HostileBody> bodies = new ArrayList<>();
		List<Function<JsonNode, HostileBody>> kinds = List.of(this::controlCharacter, this::wrongType,
				this::hugeString, this::oddNumber, this::wrongEnum, this::missingField, this::extraField,
				this::oddText, root -> wholeBody());
		for (int i = 0; i < count; i++) {
			Function<JsonNode, HostileBody> kind = (i < kinds.size()) ? kinds.get(i)
					: kinds.get(this.random.nextInt(kinds.size()));
			HostileBody body = kind.apply(this.valid.deepCopy());
			bodies.add((body != null) ? body : wrongType(this.valid.deepCopy()));
		}
		return bodies;
	}

	private HostileBody controlCharacter(JsonNode root) {
		Location at = pick(root, Location::isString);
		if (at == null) {
			return null;
		}
		String text = at.node().stringValue();
		int where = text.isEmpty() ? 0 : this.random.nextInt(text.length() + 1);
		boolean lineBreak = this.random.nextInt(4) == 0;
		String[] choices = lineBreak ? LINE_BREAKS : CONTROLS;
		String control = choices[this.random.nextInt(choices.length)];
		at.replace(NODES.stringNode(text.substring(0, where) + control + text.substring(where)));
		return body(lineBreak ? "LINE_BREAK" : "CONTROL_CHARACTER", at, root);
	}

	private HostileBody wrongType(JsonNode root) {
		Location at = pick(root, location -> true);
		if (at == null) {
			return wholeBody();
		}
		JsonNode current = at.node();
		List<JsonNode> others = new ArrayList<>(List.of(NODES.numberNode(this.random.nextInt(1000) - 500),
				NODES.numberNode(1.5), NODES.booleanNode(this.random.nextBoolean()), NODES.stringNode("text"),
				NODES.objectNode().put("x", 1), NODES.arrayNode().add(1), NODES.nullNode()));
		others.removeIf(other -> other.getNodeType() == current.getNodeType()
				&& other.isIntegralNumber() == current.isIntegralNumber());
		at.replace(others.get(this.random.nextInt(others.size())));
		return body("WRONG_TYPE", at, root);
	}

	private HostileBody hugeString(JsonNode root) {
		Location at = pick(root, Location::isString);
		if (at == null) {
			return null;
		}
		int length = 1001 + this.random.nextInt(99_000);
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append((char) ('a' + this.random.nextInt(26)));
		}
		at.replace(NODES.stringNode(text.toString()));
		return body("HUGE_STRING", at, root);
	}

	private HostileBody oddNumber(JsonNode root) {
		Location at = pick(root, location -> location.node().isNumber());
		if (at == null) {
			return null;
		}
		List<JsonNode> odd = List.of(NODES.numberNode(-1), NODES.numberNode(0), NODES.numberNode(2.75),
				NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(new java.math.BigInteger("9223372036854775808000")),
				NODES.numberNode(new java.math.BigDecimal("1e400")), NODES.numberNode(Integer.MIN_VALUE));
		at.replace(odd.get(this.random.nextInt(odd.size())));
		return body("ODD_NUMBER", at, root);
	}

	private HostileBody wrongEnum(JsonNode root) {
		Location at = pick(root, location -> location.isString() && location.node().stringValue().matches("[A-Z_]{2,}"));
		if (at == null) {
			return null;
		}
		String constant = at.node().stringValue();
		String[] others = { constant.toLowerCase(java.util.Locale.ROOT), constant + "_NOT", "NOT_A_CONSTANT",
				" " + constant };
		at.replace(NODES.stringNode(others[this.random.nextInt(others.length)]));
		return body("WRONG_ENUM", at, root);
	}

	private HostileBody missingField(JsonNode root) {
		Location at = pick(root, location -> location.parent() instanceof ObjectNode);
		if (at == null) {
			return null;
		}
		((ObjectNode) at.parent()).remove(at.name());
		return body("MISSING_FIELD", at, root);
	}

	private HostileBody extraField(JsonNode root) {
		List<Location> objects = new ArrayList<>();
		if (root instanceof ObjectNode) {
			objects.add(new Location(null, null, -1, root, ""));
		}
		collect(root, "", objects, location -> location.node() instanceof ObjectNode);
		if (objects.isEmpty()) {
			return null;
		}
		Location at = objects.get(this.random.nextInt(objects.size()));
		String name = "unexpected" + this.random.nextInt(100);
		((ObjectNode) at.node()).put(name, "surprise");
		return new HostileBody("EXTRA_FIELD", at.pointer() + "/" + name, JSON.writeValueAsString(root));
	}

	private HostileBody oddText(JsonNode root) {
		Location at = pick(root, Location::isString);
		if (at == null) {
			return null;
		}
		at.replace(NODES.stringNode(ODD_TEXTS[this.random.nextInt(ODD_TEXTS.length)]));
		return body("ODD_TEXT", at, root);
	}

	private HostileBody wholeBody() {
		if (this.random.nextInt(WHOLE_BODIES.length + 1) == 0) {
			return new HostileBody("WHOLE_BODY", "", "[".repeat(5000) + "]".repeat(5000));
		}
		return new HostileBody("WHOLE_BODY", "", WHOLE_BODIES[this.random.nextInt(WHOLE_BODIES.length)]);
	}

	private static HostileBody body(String kind, Location at, JsonNode root) {
		return new HostileBody(kind, at.pointer(), JSON.writeValueAsString(root));
	}

	private Location pick(JsonNode root, java.util.function.Predicate<Location> wanted) {
		List<Location> found = new ArrayList<>();
		collect(root, "", found, wanted);
		return found.isEmpty() ? null : found.get(this.random.nextInt(found.size()));
	}

	private static void collect(JsonNode node, String pointer, List<Location> found,
			java.util.function.Predicate<Location> wanted) {
		if (node instanceof ObjectNode object) {
			for (String name : object.propertyNames()) {
				Location child = new Location(object, name, -1, object.get(name), pointer + "/" + name);
				if (wanted.test(child)) {
					found.add(child);
				}
				collect(child.node(), child.pointer(), found, wanted);
			}
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				Location child = new Location(array, null, i, array.get(i), pointer + "/" + i);
				if (wanted.test(child)) {
					found.add(child);
				}
				collect(child.node(), child.pointer(), found, wanted);
			}
		}
	}

	/** A value in the body, and where it sits, so it can be replaced or removed. */
	private record Location(JsonNode parent, String name, int index, JsonNode node, String pointer) {

		boolean isString() {
			return this.node.isString();
		}

		void replace(JsonNode value) {
			if (this.parent instanceof ObjectNode object) {
				object.set(this.name, value);
			}
			else if (this.parent instanceof ArrayNode array) {
				array.set(this.index, value);
			}
		}
	}
}
