package org.leverans.billing.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.leverans.billing.invoicing.Invoice;
import org.leverans.billing.invoicing.InvoiceLine;
import org.leverans.billing.invoicing.RfReference;
import org.leverans.billing.invoicing.VatBreakdown;

import org.springframework.stereotype.Component;

/**
 * The PDF of an invoice or credit note, in Finnish, Swedish or English, drawn with Apache PDFBox. The standard
 * Helvetica fonts cover the Nordic letters and the euro sign (WinAnsi), so nothing is embedded; a character they
 * lack is printed as "?".
 */
@Component
public class InvoicePdf {

	private static final float MARGIN = 50;

	private static final float WIDTH = PDRectangle.A4.getWidth();

	private static final float HEIGHT = PDRectangle.A4.getHeight();

	private static final float BOTTOM = 110;

	/** Right edges of the number columns, and where the description starts. */
	private static final float[] COLUMNS = { 300, 360, 425, 470, WIDTH - MARGIN };

	private final SellerProperties seller;

	public InvoicePdf(SellerProperties seller) {
		this.seller = seller;
	}

	public static Set<String> languages() {
		return new LinkedHashSet<>(List.of("fi", "sv", "en"));
	}

	public byte[] render(Invoice invoice, String language) {
		Locale locale = Locale.forLanguageTag(languages().contains(language) ? language : "en");
		try (PDDocument document = new PDDocument()) {
			new Drawing(document, invoice, locale).draw();
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle(title(invoice, locale) + " " + invoice.number());
			info.setAuthor(this.seller.name());
			info.setSubject(invoice.customerName());
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not render invoice " + invoice.number(), ex);
		}
	}

	private static String title(Invoice invoice, Locale locale) {
		return bundle(locale).getString(invoice.kind() == Invoice.Kind.INVOICE ? "invoice" : "credit-note");
	}

	private static ResourceBundle bundle(Locale locale) {
		return ResourceBundle.getBundle("documents/invoice", locale,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
	}

	/** One rendering: the pages drawn so far and where the pen is. */
	private final class Drawing {

		private final PDDocument document;

		private final Invoice invoice;

		private final Locale locale;

		private final ResourceBundle text;

		private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

		private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

		private final NumberFormat amounts;

		private final DateTimeFormatter dates;

		private final List<PDPage> pages = new ArrayList<>();

		private PDPageContentStream content;

		private float y;

		Drawing(PDDocument document, Invoice invoice, Locale locale) {
			this.document = document;
			this.invoice = invoice;
			this.locale = locale;
			this.text = bundle(locale);
			this.amounts = NumberFormat.getNumberInstance(locale);
			this.amounts.setMinimumFractionDigits(2);
			this.amounts.setMaximumFractionDigits(2);
			this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale);
		}

		void draw() throws IOException {
			newPage();
			header();
			lineTable();
			totals();
			this.content.close();
			footers();
		}

		private void header() throws IOException {
			boolean creditNote = this.invoice.kind() == Invoice.Kind.CREDIT_NOTE;
			write(this.bold, 16, MARGIN, this.y, seller.name());
			writeRight(this.bold, 16, WIDTH - MARGIN, this.y, title(this.invoice, this.locale));
			this.y -= 30;
			float top = this.y;
			List<String[]> facts = new ArrayList<>();
			facts.add(new String[] { creditNote ? "credit-note-number" : "number", this.invoice.number() });
			facts.add(new String[] { "issue-date", this.dates.format(this.invoice.issueDate()) });
			if (!creditNote) {
				facts.add(new String[] { "due-date", this.dates.format(this.invoice.dueDate()) });
				facts.add(new String[] { "terms", this.invoice.paymentTerms() });
				facts.add(new String[] { "reference", RfReference.printed(this.invoice.reference()) });
			}
			if (this.invoice.agreementNumber() != null) {
				facts.add(new String[] { "agreement", this.invoice.agreementNumber() });
			}
			for (String[] fact : facts) {
				write(this.regular, 9, 330, this.y, this.text.getString(fact[0]));
				write(this.bold, 9, 430, this.y, fact[1]);
				this.y -= 13;
			}
			float left = top;
			write(this.regular, 9, MARGIN, left, this.text.getString("customer"));
			left -= 13;
			write(this.bold, 11, MARGIN, left, (this.invoice.customerName() != null) ? this.invoice.customerName()
					: this.invoice.customerId().toString());
			left -= 13;
			write(this.regular, 9, MARGIN, left, this.invoice.countryCode());
			this.y = Math.min(this.y, left) - 25;
		}

		private void lineTable() throws IOException {
			tableHeader();
			String order = null;
			for (InvoiceLine line : this.invoice.lines()) {
				if (this.y < BOTTOM + 30) {
					this.content.close();
					newPage();
					tableHeader();
				}
				String lineOrder = line.orderNumber();
				if (lineOrder != null && !lineOrder.equals(order)) {
					order = lineOrder;
					this.y -= 4;
					write(this.bold, 9, MARGIN, this.y, this.text.getString("order") + " " + lineOrder
							+ ((line.purchaseOrderNumber() != null)
									? "   " + this.text.getString("po") + " " + line.purchaseOrderNumber() : ""));
					this.y -= 13;
				}
				String description = (line.kind() == InvoiceLine.Kind.FREIGHT) ? this.text.getString("freight")
						: ((line.sku() != null) ? line.sku() + "  " : "") + line.description();
				write(this.regular, 9, MARGIN, this.y, fit(description, COLUMNS[0] - MARGIN - 40));
				writeRight(this.regular, 9, COLUMNS[1], this.y, line.quantity() + ((line.unit() != null)
						? " " + line.unit() : ""));
				writeRight(this.regular, 9, COLUMNS[2], this.y,
						(line.unitPrice() != null) ? money(line.unitPrice()) : "");
				writeRight(this.regular, 9, COLUMNS[3], this.y, percent(line.vatRate()));
				writeRight(this.regular, 9, COLUMNS[4], this.y, money(line.net()));
				this.y -= 13;
			}
		}

		private void tableHeader() throws IOException {
			write(this.bold, 9, MARGIN, this.y, this.text.getString("description"));
			writeRight(this.bold, 9, COLUMNS[1], this.y, this.text.getString("quantity"));
			writeRight(this.bold, 9, COLUMNS[2], this.y, this.text.getString("unit-price"));
			writeRight(this.bold, 9, COLUMNS[3], this.y, this.text.getString("vat-rate"));
			writeRight(this.bold, 9, COLUMNS[4], this.y, this.text.getString("net") + " " + this.invoice.currency());
			this.y -= 5;
			rule();
			this.y -= 13;
		}

		private void totals() throws IOException {
			if (this.y < BOTTOM + 100) {
				this.content.close();
				newPage();
			}
			rule();
			this.y -= 15;
			total(this.regular, "net-total", this.invoice.net());
			for (VatBreakdown vat : this.invoice.vatBreakdown()) {
				total(this.regular, MessageFormat.format(this.text.getString("vat"), percent(vat.rate())) + " ("
						+ money(vat.taxable()) + ")", vat.tax(), false);
			}
			total(this.bold, "total", this.invoice.total());
			if (this.invoice.kind() == Invoice.Kind.INVOICE && this.invoice.paid().signum() > 0) {
				total(this.regular, "paid", this.invoice.paid());
				total(this.bold, "open", this.invoice.open());
			}
		}

		private void total(PDType1Font font, String key, BigDecimal amount) throws IOException {
			total(font, this.text.getString(key), amount, false);
		}

		private void total(PDType1Font font, String label, BigDecimal amount, boolean unused) throws IOException {
			write(font, 10, 330, this.y, label);
			writeRight(font, 10, COLUMNS[4], this.y, money(amount) + " " + this.invoice.currency());
			this.y -= 15;
		}

		private void footers() throws IOException {
			for (int i = 0; i < this.pages.size(); i++) {
				try (PDPageContentStream footer = new PDPageContentStream(this.document, this.pages.get(i),
						AppendMode.APPEND, true, true)) {
					this.content = footer;
					float line = 70;
					rule(line + 14);
					write(this.regular, 8, MARGIN, line, seller.name() + ", " + seller.street() + ", "
							+ seller.postalCode() + " " + seller.city() + ", " + seller.countryCode());
					write(this.regular, 8, MARGIN, line - 11, this.text.getString("business-id") + " "
							+ seller.businessId() + "   " + this.text.getString("vat-id") + " " + seller.vatId());
					write(this.regular, 8, MARGIN, line - 22, this.text.getString("iban") + " " + seller.iban()
							+ "   " + this.text.getString("bic") + " " + seller.bic() + "   " + seller.email());
					writeRight(this.regular, 8, WIDTH - MARGIN, line - 22,
							MessageFormat.format(this.text.getString("page"), i + 1, this.pages.size()));
				}
			}
		}

		private void newPage() throws IOException {
			PDPage page = new PDPage(PDRectangle.A4);
			this.document.addPage(page);
			this.pages.add(page);
			this.content = new PDPageContentStream(this.document, page);
			this.y = HEIGHT - MARGIN - 10;
		}

		private void rule() throws IOException {
			rule(this.y);
		}

		private void rule(float at) throws IOException {
			this.content.setLineWidth(0.5f);
			this.content.moveTo(MARGIN, at);
			this.content.lineTo(WIDTH - MARGIN, at);
			this.content.stroke();
		}

		private void write(PDType1Font font, float size, float x, float at, String value) throws IOException {
			this.content.beginText();
			this.content.setFont(font, size);
			this.content.newLineAtOffset(x, at);
			this.content.showText(printable(font, value));
			this.content.endText();
		}

		private void writeRight(PDType1Font font, float size, float right, float at, String value) throws IOException {
			String printable = printable(font, value);
			write(font, size, right - font.getStringWidth(printable) / 1000 * size, at, printable);
		}

		private String fit(String value, float width) throws IOException {
			String printable = printable(this.regular, value);
			while (printable.length() > 4 && this.regular.getStringWidth(printable) / 1000 * 9 > width) {
				printable = printable.substring(0, printable.length() - 2) + "…";
				printable = printable(this.regular, printable);
			}
			return printable;
		}

		private String money(BigDecimal amount) {
			return this.amounts.format(amount);
		}

		private String percent(BigDecimal rate) {
			NumberFormat format = NumberFormat.getNumberInstance(this.locale);
			format.setMaximumFractionDigits(2);
			return format.format(rate);
		}

		/** The text with what the font cannot encode replaced: narrow spaces become spaces, anything else "?". */
		private static String printable(PDType1Font font, String value) {
			if (value == null) {
				return "";
			}
			StringBuilder out = new StringBuilder(value.length());
			value.codePoints().forEach(c -> {
				String character = Character.isSpaceChar(c) ? " " : new String(Character.toChars(c));
				try {
					font.encode(character);
					out.append(character);
				}
				catch (IOException | IllegalArgumentException ex) {
					out.append('?');
				}
			});
			return out.toString();
		}
	}
}
