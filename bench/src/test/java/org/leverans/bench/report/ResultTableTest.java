package org.leverans.bench.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResultTableTest {

	@Test
	void rendersAMarkdownTableThatCanBePastedIntoTheDocs() {
		String table = new ResultTable().row("offered / achieved", "20.0 / 19.9 orders/s").row("lost", "0").render();

		assertThat(table).isEqualTo("""
				| measure            | value |
				|--------------------|-------|
				| offered / achieved | 20.0 / 19.9 orders/s |
				| lost               | 0 |
				""");
	}
}
