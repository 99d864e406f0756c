package org.leverans.notification;

import org.junit.jupiter.api.Test;
import org.leverans.testsupport.structure.ServiceStructure;

class ServiceStructureTest {

	@Test
	void keepsTheServiceStructure() {
		ServiceStructure.of("org.leverans.notification").check();
	}
}
