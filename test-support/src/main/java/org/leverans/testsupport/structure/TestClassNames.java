package org.leverans.testsupport.structure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one naming convention for test classes, checked over the project's sources: {@code *Test} for a unit test (no
 * Spring context, database or broker), {@code *IntegrationTest} for a test against a real PostgreSQL, Kafka broker
 * or Spring context, {@code *IT} for the end-to-end specs in {@code e2e-tests}. It matters because Surefire runs
 * only {@code *Test} classes and Failsafe only {@code *IT} classes in {@code e2e-tests}: a test named otherwise
 * would never run, and an {@code *IT} anywhere else neither.
 */
public final class TestClassNames {

	static final String END_TO_END_MODULE = "e2e-tests";

	private static final Pattern HAS_TESTS = Pattern
		.compile("^\\s*@(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\\b", Pattern.MULTILINE);

	/** What makes a test an integration test: a Spring context, the shared PostgreSQL and Kafka, or a base class. */
	private static final Pattern NEEDS_INFRASTRUCTURE = Pattern.compile(
			"@(SpringBootTest|WebMvcTest|WebFluxTest|JdbcTest|DataJdbcTest|SpringJUnitConfig|ContextConfiguration)\\b"
					+ "|\\bTestInfrastructure\\b|\\bextends \\w*IntegrationTest\\b");

	private TestClassNames() {
	}

	/** Every test source in {@code projectRoot}'s modules that breaks the convention, with why. */
	public static List<String> violations(Path projectRoot) {
		List<String> violations = new ArrayList<>();
		try (Stream<Path> modules = Files.list(projectRoot)) {
			for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
				Path tests = module.resolve("src/test/java");
				if (Files.isDirectory(tests)) {
					check(projectRoot, module.getFileName().toString(), tests, violations);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return violations;
	}

	private static void check(Path root, String module, Path tests, List<String> violations) throws IOException {
		try (Stream<Path> files = Files.walk(tests)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).sorted().toList()) {
				String problem = problemWith(module, file);
				if (problem != null) {
					violations.add(root.relativize(file) + ": " + problem);
				}
			}
		}
	}

	private static String problemWith(String module, Path file) {
		String source = read(file);
		String name = file.getFileName().toString().replaceFirst("\\.java$", "");
		if (!HAS_TESTS.matcher(source).find()) {
			return null;
		}
		if (name.endsWith("IT")) {
			return module.equals(END_TO_END_MODULE) ? null
					: "an *IT is an end-to-end spec and runs only in " + END_TO_END_MODULE
							+ "; name it *IntegrationTest or *Test";
		}
		if (name.endsWith("IntegrationTest")) {
			return null;
		}
		if (name.endsWith("Test")) {
			return NEEDS_INFRASTRUCTURE.matcher(source).find()
					? "a *Test is a unit test; one with a Spring context, database or broker is an *IntegrationTest"
					: null;
		}
		return "has tests but is named neither *Test, *IntegrationTest nor *IT, so no build runs it";
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
