package org.leverans.order.preview;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.Reason;
import org.leverans.order.preview.PastedLines.PastedLine;

import static org.assertj.core.api.Assertions.assertThat;

class PastedLinesTest {

	@Test
	void readsCodeAndQuantitySeparatedBySpacesSemicolonsCommasOrTabs() {
		List<PastedLine> lines = PastedLines.parse("CEM-25KG 40\nPLY-18MM;12\nSCR-5X50, 3\nNOPE-1\t3");

		assertThat(lines).extracting(PastedLine::sku).containsExactly("CEM-25KG", "PLY-18MM", "SCR-5X50", "NOPE-1");
		assertThat(lines).extracting(PastedLine::quantity).containsExactly(40, 12, 3, 3);
		assertThat(lines).allMatch(PastedLine::readable);
	}

	@Test
	void lineNumbersAreThoseOfThePastedTextSkippingBlankLines() {
		List<PastedLine> lines = PastedLines.parse("CEM-25KG 40\n\n  \r\nPLY-18MM 12\n");

		assertThat(lines).extracting(PastedLine::lineNo).containsExactly(1, 4);
	}

	@Test
	void ignoresSeparatorsAroundALine() {
		PastedLine line = PastedLines.parse("\t;CEM-25KG;40;").get(0);

		assertThat(line.sku()).isEqualTo("CEM-25KG");
		assertThat(line.quantity()).isEqualTo(40);
		assertThat(line.readable()).isTrue();
	}

	@Test
	void readsAnOptionalPackageSize() {
		PastedLine line = PastedLines.parse("cem-25kg 40 half_pallet").get(0);

		assertThat(line.sku()).isEqualTo("CEM-25KG");
		assertThat(line.packageSize()).isEqualTo("HALF_PALLET");
		assertThat(line.readable()).isTrue();
	}

	@Test
	void reportsBadLinesWithTheirLineNumbers() {
		List<PastedLine> lines = PastedLines.parse("CEM-25KG\nPLY-18MM many\n???; 3\nCEM-25KG 0\nCEM-25KG 4 PALLET extra");

		assertThat(lines).flatExtracting(PastedLine::problems)
			.extracting(Reason::lineNo, Reason::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, "QUANTITY_MISSING"),
					org.assertj.core.groups.Tuple.tuple(2, "QUANTITY_INVALID"),
					org.assertj.core.groups.Tuple.tuple(3, "SKU_INVALID"),
					org.assertj.core.groups.Tuple.tuple(4, "QUANTITY_INVALID"),
					org.assertj.core.groups.Tuple.tuple(5, "UNEXPECTED_TEXT"));
	}

	@Test
	void refusesMoreLinesThanCanBeOrdered() {
		String text = "CEM-25KG 1\n".repeat(PastedLines.MAX_LINES + 3);

		List<PastedLine> lines = PastedLines.parse(text);

		assertThat(lines).hasSize(PastedLines.MAX_LINES + 1);
		assertThat(lines.get(PastedLines.MAX_LINES).problems().get(0).code()).isEqualTo("TOO_MANY_LINES");
	}

	@Test
	void nothingPastedIsNoLines() {
		assertThat(PastedLines.parse(null)).isEmpty();
		assertThat(PastedLines.parse(" \n\t\n")).isEmpty();
	}
}
