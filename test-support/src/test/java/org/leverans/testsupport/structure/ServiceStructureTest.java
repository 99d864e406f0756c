package org.leverans.testsupport.structure;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceStructureTest {

	private static final String FIXTURE = "org.leverans.testsupport.structure.fixture.";

	@Test
	void passesAServiceWhoseFeaturesUseEachOtherThroughTheirTopLevel() {
		assertThatCode(() -> structure("tidy").check()).doesNotThrowAnyException();
	}

	@Test
	void failsWhenFeaturesFormACycle() {
		assertThatThrownBy(() -> structure("cyclic").check()).isInstanceOf(AssertionError.class)
			.hasMessageContaining("cycle");
	}

	@Test
	void failsWhenAFeatureReachesIntoAnothersSubPackage() {
		assertThatThrownBy(() -> structure("reaching").check()).isInstanceOf(AssertionError.class)
			.hasMessageContaining("OrderRow");
	}

	private static ServiceStructure structure(String fixture) {
		return new ServiceStructure(FIXTURE + fixture, new ClassFileImporter().importPackages(FIXTURE + fixture));
	}
}
