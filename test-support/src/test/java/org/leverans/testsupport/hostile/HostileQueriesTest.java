package org.leverans.testsupport.hostile;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HostileQueriesTest {

	private static final String VALID = "page=0&size=20&status=ACCEPTED&q=Betoni Oy";

	@AfterEach
	void forgetSeed() {
		System.clearProperty("leverans.hostile.seed");
	}

	@Test
	void coversEveryKindBeforeDrawingAtRandom() {
		List<HostileQuery> queries = HostileQueries.of(VALID).take(8);
		assertThat(queries).extracting(HostileQuery::kind)
			.containsExactly("CONTROL_CHARACTER", "HUGE_VALUE", "WRONG_TYPE", "ODD_NUMBER", "WRONG_ENUM",
					"UNKNOWN_PARAMETER", "REPEATED_PARAMETER", "ODD_TEXT");
	}

	@Test
	void changesOneParameterItNamesAndKeepsTheOthersEncoded() {
		HostileQuery controlled = HostileQueries.of(VALID).take(1).getFirst();
		assertThat(controlled.parameter()).isIn("page", "size", "status", "q");
		assertThat(controlled.query()).containsPattern("%(00|01|07|1B|7F|C2%85)");
		if (!controlled.parameter().equals("q")) {
			assertThat(controlled.query()).contains("q=Betoni%20Oy");
		}
	}

	@Test
	void changesNumbersAndConstantsOnlyWhereTheValidQueryHasThem() {
		List<HostileQuery> queries = HostileQueries.of(VALID).take(8);
		assertThat(queries.get(3).parameter()).isIn("page", "size");
		assertThat(queries.get(4).parameter()).isEqualTo("status");
	}

	@Test
	void replaysTheSameQueriesForTheSameSeed() {
		System.setProperty("leverans.hostile.seed", "7");
		assertThat(HostileQueries.of(VALID).take(30)).isEqualTo(HostileQueries.of(VALID).take(30));
	}

	@Test
	void needsAValidQueryToStartFrom() {
		assertThatIllegalArgumentException().isThrownBy(() -> HostileQueries.of(""));
	}
}
