package org.leverans.notification.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The e-mail bundles in {@code mail/templates*.properties}: a key missing in one language would fall back to
 * English for its readers without anyone noticing, and the bundle without a language is the English one.
 */
class MailBundlesTest {

	private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)}");

	@ParameterizedTest
	@ValueSource(strings = { "fi", "sv" })
	void everyLanguageHasExactlyTheTemplatesEnglishHasWithTheSameArguments(String language) throws IOException {
		Properties english = bundle("templates_en");
		Properties other = bundle("templates_" + language);

		assertThat(other.stringPropertyNames()).as("keys of templates_%s", language)
			.containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
		for (String key : english.stringPropertyNames()) {
			assertThat(arguments(other.getProperty(key))).as("arguments of %s in %s", key, language)
				.isEqualTo(arguments(english.getProperty(key)));
		}
	}

	@Test
	void theBundleWithoutALanguageIsTheEnglishOne() throws IOException {
		assertThat(bundle("templates")).isEqualTo(bundle("templates_en"));
	}

	private static Set<String> arguments(String template) {
		Set<String> arguments = new TreeSet<>();
		Matcher matcher = ARGUMENT.matcher(template);
		while (matcher.find()) {
			arguments.add(matcher.group(1));
		}
		return arguments;
	}

	private static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MailBundlesTest.class.getResourceAsStream("/mail/" + name + ".properties")) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}
}
