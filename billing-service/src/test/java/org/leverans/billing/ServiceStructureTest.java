package org.leverans.billing;

import org.junit.jupiter.api.Test;
import org.leverans.testsupport.structure.ServiceStructure;

class ServiceStructureTest {

	@Test
	void keepsTheServiceStructure() {
		ServiceStructure.of("org.leverans.billing").check();
	}
}
