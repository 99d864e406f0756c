package org.leverans.billing.document;

import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.leverans.billing.invoicing.Invoice;

import static org.assertj.core.api.Assertions.assertThat;

class InvoicePdfTest {

	private final InvoicePdf pdf = new InvoicePdf(Documents.SELLER);

	@Test
	void writesAFinnishInvoiceWithItsReferenceDueDateAndVatPerRate() throws IOException {
		String text = text(this.pdf.render(Documents.invoice("fi", 2), "fi"));

		assertThat(text).contains("Lasku", "2026-000042", "Eräpäivä", "31.12.2026", "RF", "Rakennus Oy",
				"Sementti 25 kg – Ääni & Öljy", "ALV 25,5 %", "ALV 14 %", "Rahti", "Maksettavaa",
				"FI2112345600000785", "Sivu 1/1");
	}

	@Test
	void writesTheSameInvoiceInSwedishAndEnglish() throws IOException {
		Invoice invoice = Documents.invoice("sv", 1);

		assertThat(text(this.pdf.render(invoice, "sv"))).contains("Faktura", "Förfallodag", "Moms 25,5 %", "Frakt");
		assertThat(text(this.pdf.render(invoice, "en"))).contains("Invoice", "Due date", "VAT 25.5 %", "Freight",
				"12/31/26");
	}

	@Test
	void continuesALongInvoiceOnMorePagesAndNumbersThem() throws IOException {
		byte[] rendered = this.pdf.render(Documents.invoice("en", 120), "en");

		try (PDDocument document = Loader.loadPDF(rendered)) {
			assertThat(document.getNumberOfPages()).isGreaterThan(2);
			assertThat(new PDFTextStripper().getText(document)).contains("Page 1 of " + document.getNumberOfPages());
		}
	}

	@Test
	void titlesACreditNoteAsOne() throws IOException {
		Invoice invoice = Documents.invoice("fi", 1);

		assertThat(text(this.pdf.render(Documents.creditNoteOf(invoice), "fi"))).contains("Hyvityslasku",
				"CN-2026-000001")
			.doesNotContain("Eräpäivä");
	}

	private static String text(byte[] pdf) throws IOException {
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}
}
