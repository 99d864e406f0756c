package org.leverans.testsupport.structure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class TestClassNamesTest {

	private static final String UNIT_TEST = """
			class %s {
				@Test
				void works() {
				}
			}
			""";

	// Split, so that this unit test's own source does not read as one that starts Spring.
	private static final String SPRING_BOOT_TEST = "@SpringBoot" + "Test\n";

	private static final String EXTENDS_AN_INTEGRATION_TEST = " extends OrderService" + "IntegrationTest";

	@TempDir
	Path root;

	/** The whole project: test-support's parent directory holds every module. */
	@Test
	void everyTestInTheProjectIsNamedForItsKind() {
		Path project = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent();
		assertThat(project.resolve("pom.xml")).exists();
		assertThat(TestClassNames.violations(project)).isEmpty();
	}

	@Test
	void acceptsUnitIntegrationAndEndToEndTestsWhereTheyBelong() throws IOException {
		write("order-service", "OrderProgressTest", UNIT_TEST.formatted("OrderProgressTest"));
		write("order-service", "PlacementIntegrationTest",
				SPRING_BOOT_TEST + UNIT_TEST.formatted("PlacementIntegrationTest"));
		write("order-service", "OrderEvents", "class OrderEvents {\n}\n");
		write("e2e-tests", "OrderingIT", UNIT_TEST.formatted("OrderingIT"));
		assertThat(TestClassNames.violations(this.root)).isEmpty();
	}

	@Test
	void findsATestClassNoBuildWouldRun() throws IOException {
		write("order-service", "OrderProgressTests", UNIT_TEST.formatted("OrderProgressTests"));
		assertThat(TestClassNames.violations(this.root)).singleElement()
			.asString()
			.contains("OrderProgressTests.java", "no build runs it");
	}

	@Test
	void findsAnEndToEndSpecOutsideTheEndToEndModule() throws IOException {
		write("order-service", "PlacementIT", UNIT_TEST.formatted("PlacementIT"));
		assertThat(TestClassNames.violations(this.root)).singleElement().asString().contains("PlacementIT.java");
	}

	@Test
	void findsAUnitTestThatStartsASpringContext() throws IOException {
		write("order-service", "PlacementTest", SPRING_BOOT_TEST + UNIT_TEST.formatted("PlacementTest"));
		write("order-service", "FlowTest", UNIT_TEST.formatted("FlowTest" + EXTENDS_AN_INTEGRATION_TEST));
		assertThat(TestClassNames.violations(this.root)).hasSize(2)
			.allSatisfy((violation) -> assertThat(violation).contains("*IntegrationTest"));
	}

	private void write(String module, String name, String source) throws IOException {
		Path file = this.root.resolve(module + "/src/test/java/org/leverans/example/" + name + ".java");
		Files.createDirectories(file.getParent());
		Files.writeString(file, source);
	}
}
