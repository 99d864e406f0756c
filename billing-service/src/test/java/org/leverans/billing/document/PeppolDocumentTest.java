package org.leverans.billing.document;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;
import org.leverans.billing.invoicing.Invoice;
import org.xml.sax.SAXException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The e-invoices are valid UBL 2.1 documents, checked against the official OASIS schemas kept in
 * src/test/resources/ubl-2.1 (see its LICENSE.md).
 */
class PeppolDocumentTest {

	private final PeppolDocument peppol = new PeppolDocument(Documents.SELLER);

	@Test
	void writesAnInvoiceTheUblInvoiceSchemaAccepts() throws Exception {
		Invoice invoice = Documents.invoice("fi", 3);

		String xml = this.peppol.render(invoice, null);

		schema("UBL-Invoice-2.1.xsd").newValidator().validate(new StreamSource(new StringReader(xml)));
		assertThat(xml).contains(PeppolDocument.CUSTOMIZATION, "<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>",
				"<cbc:PaymentID>" + invoice.reference() + "</cbc:PaymentID>",
				"<cbc:PayableAmount currencyID=\"EUR\">" + invoice.total().toPlainString() + "</cbc:PayableAmount>",
				"<cbc:Percent>14</cbc:Percent>", "<cbc:Percent>25.5</cbc:Percent>",
				"<cbc:BuyerReference>PO-4711</cbc:BuyerReference>");
	}

	@Test
	void writesACreditNoteTheUblCreditNoteSchemaAcceptsNamingTheInvoiceItCredits() throws Exception {
		Invoice invoice = Documents.invoice("fi", 1);

		String xml = this.peppol.render(Documents.creditNoteOf(invoice), invoice);

		schema("UBL-CreditNote-2.1.xsd").newValidator().validate(new StreamSource(new StringReader(xml)));
		assertThat(xml).contains("<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>",
				"<cac:InvoiceDocumentReference><cbc:ID>2026-000042</cbc:ID>");
	}

	@Test
	void theSchemaCheckRefusesADocumentOutOfOrder() throws Exception {
		String xml = this.peppol.render(Documents.invoice("fi", 1), null)
			.replaceFirst("<cbc:IssueDate>2026-12-01</cbc:IssueDate>", "")
			.replaceFirst("<cbc:DocumentCurrencyCode>", "<cbc:IssueDate>2026-12-01</cbc:IssueDate><cbc:DocumentCurrencyCode>");

		assertThatExceptionOfType(SAXException.class).isThrownBy(() -> schema("UBL-Invoice-2.1.xsd").newValidator()
			.validate(new StreamSource(new StringReader(xml))));
	}

	private static Schema schema(String document) throws SAXException, IOException {
		URL location = PeppolDocumentTest.class.getResource("/ubl-2.1/maindoc/" + document);
		assertThat(location).isNotNull();
		SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
		return factory.newSchema(location);
	}
}
