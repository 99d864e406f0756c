package org.leverans.gateway.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages speak Finnish, Swedish and English from the bundles in {@code static/assets/messages}: every language has
 * every key the pages use and no other, with the same placeholders and plural forms, and no page or script shows text
 * of its own that a translator would never see. Plain files, no browser: the pages are checked in Chromium by
 * e2e-tests' {@code LanguagesPagesIT}.
 */
class I18nBundlesTest {

	static final Path STATIC = Path.of("src/main/resources/static");

	static final List<String> LANGUAGES = List.of("en", "fi", "sv");

	/** Finnish, Swedish and English all have these two cardinal plural categories (CLDR). */
	static final Set<String> PLURAL_FORMS = Set.of("one", "other");

	static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

	@Test
	void everyLanguageHasExactlyTheKeysOfEnglish() {
		Set<String> english = bundle("en").keySet();
		for (String language : LANGUAGES) {
			assertThat(bundle(language).keySet()).as("keys of %s.json", language).isEqualTo(english);
		}
	}

	@Test
	void everyMessageHasTheSamePlaceholdersAndPluralFormsInEveryLanguage() {
		Map<String, JsonNode> english = bundle("en");
		List<String> problems = new ArrayList<>();
		for (String language : LANGUAGES) {
			bundle(language).forEach((key, message) -> {
				JsonNode original = english.get(key);
				if (message.isObject() != (original != null && original.isObject())) {
					problems.add(language + " " + key + ": plural in one language, plain in another");
				}
				else if (message.isObject() && !propertyNames(message).equals(PLURAL_FORMS)) {
					problems.add(language + " " + key + ": plural forms " + propertyNames(message));
				}
				else if (texts(message).stream().anyMatch(String::isBlank)) {
					problems.add(language + " " + key + ": empty");
				}
				else if (original != null && !placeholders(message).equals(placeholders(original))) {
					problems.add(language + " " + key + ": placeholders " + placeholders(message) + " but English has "
							+ placeholders(original));
				}
			});
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyKeyThePagesUseIsInEveryLanguage() {
		Usage usage = usage();
		for (String language : LANGUAGES) {
			Set<String> keys = bundle(language).keySet();
			assertThat(usage.keys().stream().filter((key) -> !keys.contains(key)).toList())
				.as("keys used by the pages but missing in %s.json", language)
				.isEmpty();
			assertThat(usage.prefixes()
				.stream()
				.filter((prefix) -> keys.stream().noneMatch((key) -> key.startsWith(prefix)))
				.toList())
				.as("key families (t(`prefix.${…}`)) without a key in %s.json", language)
				.isEmpty();
		}
	}

	@Test
	void everyKeyInTheBundlesIsUsedByAPage() {
		Usage usage = usage();
		assertThat(bundle("en").keySet().stream()
			.filter((key) -> !usage.keys().contains(key) && usage.prefixes().stream().noneMatch(key::startsWith))
			.toList()).as("keys no page or script uses").isEmpty();
	}

	@Test
	void everyVisibleTextInThePagesIsMarkedForTranslation() {
		List<String> unmarked = new ArrayList<>();
		for (Path page : files(".html")) {
			unmarked.addAll(unmarkedText(read(page)).stream().map((text) -> STATIC.relativize(page) + ": " + text).toList());
		}
		assertThat(unmarked).isEmpty();
	}

	@Test
	void scriptsShowNoTextOfTheirOwn() {
		List<String> untranslated = new ArrayList<>();
		for (Path script : scripts()) {
			for (Literal literal : Literal.in(read(script))) {
				if (!literal.translated() && looksLikeText(literal.value())) {
					untranslated.add(STATIC.relativize(script) + ":" + literal.line() + " " + literal.value());
				}
			}
		}
		assertThat(untranslated).isEmpty();
	}

	// The rules above must be able to fail: each is tried on a small sample of what it is meant to catch.

	@Test
	void findsTextNotMarkedInMarkup() {
		String page = """
				<html><head><title data-i18n="x.title">Orders</title></head><body>
				<header><a class="brand" href="/">Leverans</a></header>
				<h1 data-i18n="x.heading">Orders</h1><p>Loading …</p><p>– , ·</p><code>/api</code>
				<nav aria-label="Main"></nav><nav data-i18n-attr="aria-label:x.nav" aria-label="Main"></nav>
				</body></html>""";
		assertThat(unmarkedText(page)).containsExactly("Loading …", "aria-label=\"Main\"");
	}

	@Test
	void findsTextAndKeysInScripts() {
		String script = """
				// A comment with Words is no text.
				import { t } from './i18n.js';
				const a = el('h1', {}, t('orders.heading'));
				const b = el('p', { class: 'hint wide' }, 'Nothing yet.');
				const c = `${t(`code.${status}`)} – Order ${n}`;
				const d = text.replace(/([a-z])([A-Z])/g, '$1 $2'), e = x / 2, f = 'Content-Type';
				""";
		List<Literal> literals = Literal.in(script);
		assertThat(literals).filteredOn(Literal::translated).extracting(Literal::value)
			.containsExactly("orders.heading", "code.\u0000");
		assertThat(literals).filteredOn((l) -> !l.translated() && looksLikeText(l.value()))
			.extracting(Literal::value, Literal::line)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Nothing yet.", 4),
					org.assertj.core.groups.Tuple.tuple("\u0000 – Order \u0000", 5));
	}

	/** Texts of a page that a person sees but no data-i18n names: text nodes, and attributes read out or shown. */
	static List<String> unmarkedText(String html) {
		Document document = Jsoup.parse(html);
		List<String> unmarked = new ArrayList<>();
		for (Element element : document.getAllElements()) {
			if (Set.of("script", "style", "code").contains(element.tagName()) || element.hasAttr("data-i18n")) {
				continue;
			}
			for (TextNode text : element.textNodes()) {
				String words = text.text().strip();
				if (words.codePoints().anyMatch(Character::isLetter) && !words.equals("Leverans")) {
					unmarked.add(words);
				}
			}
			for (String attribute : List.of("aria-label", "title", "alt", "placeholder")) {
				if (element.hasAttr(attribute) && !element.attr("data-i18n-attr").startsWith(attribute + ":")) {
					unmarked.add(attribute + "=\"" + element.attr(attribute) + "\"");
				}
			}
		}
		return unmarked;
	}

	/**
	 * Text for people, as opposed to the names code uses (CSS classes, ids, event names, codes, paths): a word that
	 * starts with a capital letter and goes on in small letters. Header and error names are the few exceptions.
	 */
	static boolean looksLikeText(String literal) {
		if (TECHNICAL_NAMES.contains(literal) || literal.startsWith("/") || literal.contains("://")) {
			return false;
		}
		return CAPITALISED_WORD.matcher(literal.replace("Leverans", "")).find();
	}

	static final Pattern CAPITALISED_WORD = Pattern.compile("(?<![\\p{L}\\-])\\p{Lu}\\p{Ll}+");

	static final Set<String> TECHNICAL_NAMES = Set.of("Accept", "Accept-Language", "Content-Type", "Idempotency-Key",
			"AbortError", "Leverans");

	/** The keys the pages use: by name, and by family where a script builds the key ({@code t(`code.${x}`)}). */
	record Usage(Set<String> keys, Set<String> prefixes) {
	}

	static Usage usage() {
		Set<String> keys = new TreeSet<>();
		Set<String> prefixes = new TreeSet<>();
		for (Path page : files(".html")) {
			Document document = Jsoup.parse(read(page));
			document.select("[data-i18n]").forEach((element) -> keys.add(element.attr("data-i18n")));
			document.select("[data-i18n-attr]")
				.forEach((element) -> keys.add(element.attr("data-i18n-attr").replaceFirst("^[^:]*:", "")));
		}
		// Keys kept in tables (a column's name, a page's heading) are string literals in a bundle's namespace.
		Set<String> namespaces = new TreeSet<>();
		bundle("en").keySet().forEach((key) -> namespaces.add(key.substring(0, key.indexOf('.'))));
		Pattern inNamespace = Pattern.compile("(" + String.join("|", namespaces) + ")\\.[\\w.-]+");
		for (Path script : scripts()) {
			for (Literal literal : Literal.in(read(script))) {
				int placeholder = literal.value().indexOf('\u0000');
				if (literal.translated() && placeholder >= 0) {
					prefixes.add(literal.value().substring(0, placeholder));
				}
				else if (literal.translated() || inNamespace.matcher(literal.value()).matches()) {
					keys.add(literal.value());
				}
			}
		}
		return new Usage(keys, prefixes);
	}

	static Map<String, JsonNode> bundle(String language) {
		JsonNode root = JsonMapper.builder().build().readTree(read(STATIC.resolve("assets/messages/" + language + ".json")));
		Map<String, JsonNode> messages = new TreeMap<>();
		root.properties().forEach((entry) -> messages.put(entry.getKey(), entry.getValue()));
		return messages;
	}

	static Set<String> propertyNames(JsonNode node) {
		Set<String> names = new TreeSet<>();
		node.properties().forEach((entry) -> names.add(entry.getKey()));
		return names;
	}

	static List<String> texts(JsonNode message) {
		if (!message.isObject()) {
			return List.of(message.asString());
		}
		List<String> texts = new ArrayList<>();
		message.properties().forEach((entry) -> texts.add(entry.getValue().asString()));
		return texts;
	}

	static Set<String> placeholders(JsonNode message) {
		Set<String> names = new TreeSet<>();
		for (String text : texts(message)) {
			Matcher matcher = PLACEHOLDER.matcher(text);
			while (matcher.find()) {
				names.add(matcher.group(1));
			}
		}
		return names;
	}

	static final Path VENDOR = Path.of("assets", "vendor");

	static List<Path> scripts() {
		return files(".js");
	}

	static List<Path> files(String suffix) {
		try (Stream<Path> files = Files.walk(STATIC)) {
			// Vendored libraries (assets/vendor) are someone else's code: their strings are not the pages' texts.
			return files.filter((file) -> file.toString().endsWith(suffix))
				.filter((file) -> !STATIC.relativize(file).startsWith(VENDOR))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
