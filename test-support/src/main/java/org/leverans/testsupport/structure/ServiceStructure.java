package org.leverans.testsupport.structure;

import java.util.List;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layout every service keeps, checked in its build so that it does not drift: a service never imports another
 * service (they talk through Kafka and HTTP; shared code lives in {@code contracts}, {@code messaging} and
 * {@code web-conventions}); its feature packages form no cycle; a feature uses another only through the types at
 * that feature's top level, not its sub-packages; and controllers leave SQL to the classes named after what they
 * store.
 *
 * <pre>{@code
 * @Test
 * void keepsTheServiceStructure() {
 *     ServiceStructure.of("org.leverans.order").check();
 * }
 * }</pre>
 */
public final class ServiceStructure {

	/** Every service's root package; a new service is added here. */
	public static final List<String> SERVICES = List.of("org.leverans.agreement", "org.leverans.auth",
			"org.leverans.billing", "org.leverans.credit", "org.leverans.delivery", "org.leverans.gateway",
			"org.leverans.notification", "org.leverans.order");

	private final String service;

	private final JavaClasses classes;

	ServiceStructure(String service, JavaClasses classes) {
		this.service = service;
		this.classes = classes;
	}

	/** The service's production classes (tests are left out: they may reach wherever they need to). */
	public static ServiceStructure of(String servicePackage) {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
			.importPackages(servicePackage);
		return new ServiceStructure(servicePackage, classes);
	}

	/** Checks every rule and reports all their violations at once, so one fix-up round sees them all. */
	public void check() {
		CompositeArchRule.of(importsNoOtherService())
			.and(featuresFormNoCycle())
			.and(featuresUseEachOtherThroughTheirTopLevel())
			.and(controllersTalkNoSql())
			.check(this.classes);
	}

	ArchRule importsNoOtherService() {
		String[] others = SERVICES.stream()
			.filter(other -> !other.equals(this.service))
			.map(other -> other + "..")
			.toArray(String[]::new);
		return noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage(others)
			.because("services talk through Kafka and HTTP; shared code lives in contracts, messaging and "
					+ "web-conventions");
	}

	ArchRule featuresFormNoCycle() {
		return slices().matching(this.service + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true);
	}

	ArchRule featuresUseEachOtherThroughTheirTopLevel() {
		return classes().should(new ArchCondition<JavaClass>("use other features only through their top level") {
			@Override
			public void check(JavaClass origin, ConditionEvents events) {
				String feature = featureOf(origin);
				for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
					JavaClass target = dependency.getTargetClass();
					String targetFeature = featureOf(target);
					if (targetFeature != null && !targetFeature.equals(feature)
							&& !target.getPackageName().equals(ServiceStructure.this.service + "." + targetFeature)) {
						events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
					}
				}
			}
		}).because("a feature's sub-packages are its own business");
	}

	ArchRule controllersTalkNoSql() {
		return noClasses().that()
			.areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
			.or()
			.areAnnotatedWith("org.springframework.stereotype.Controller")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("java.sql..", "org.springframework.jdbc..")
			.because("SQL belongs in the classes named after what they store, not in controllers")
			.allowEmptyShould(true);
	}

	/** The first package below the service root, e.g. {@code placement} for {@code order.placement.X}. */
	private String featureOf(JavaClass type) {
		String prefix = this.service + ".";
		String name = type.getPackageName();
		if (!name.startsWith(prefix)) {
			return null;
		}
		String rest = name.substring(prefix.length());
		int dot = rest.indexOf('.');
		return (dot < 0) ? rest : rest.substring(0, dot);
	}
}
