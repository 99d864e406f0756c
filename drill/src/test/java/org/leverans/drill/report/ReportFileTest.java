package org.leverans.drill.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportFileTest {

	@Test
	void replacesOnlyTheDrillsPartOfThePage() {
		String page = "# Reliability\n\nHow to read it.\n\n" + ReportFile.BEGIN + "\nold table\n" + ReportFile.END
				+ "\n\nWhat is next.\n";

		String written = ReportFile.replaced(page, "new table\n");

		assertThat(written).isEqualTo("# Reliability\n\nHow to read it.\n\n" + ReportFile.BEGIN + "\nnew table\n"
				+ ReportFile.END + "\n\nWhat is next.\n");
	}

	@Test
	void appendsThePartToAPageThatHasNone() {
		assertThat(ReportFile.replaced("# Reliability\n", "table")).isEqualTo("# Reliability\n\n" + ReportFile.BEGIN
				+ "\ntable\n" + ReportFile.END + "\n");
	}
}
