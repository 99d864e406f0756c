package org.leverans.billing.document;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.leverans.billing.invoicing.Invoice;
import org.leverans.billing.invoicing.InvoiceLine;
import org.leverans.billing.invoicing.VatBreakdown;
import org.leverans.contracts.Money;

import org.springframework.stereotype.Component;

/**
 * An invoice as a Peppol BIS Billing 3.0 e-invoice: a UBL 2.1 {@code Invoice}, or a {@code CreditNote} for a
 * credit note, with the elements in the order the UBL schema fixes. Every rate is VAT category S (standard rated);
 * freight is a line of its own. The buyer's Peppol endpoint is not known to Leverans, so the document names the
 * buyer by name and country only, and its receiving access point adds the routing.
 */
@Component
public class PeppolDocument {

	static final String CUSTOMIZATION = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";

	static final String PROFILE = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

	private static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";

	private static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

	/** ISO 6523 ICD 0216: the Finnish OVT code, which is 0037 followed by the business id's digits. */
	private static final String OVT_SCHEME = "0216";

	private final SellerProperties seller;

	public PeppolDocument(SellerProperties seller) {
		this.seller = seller;
	}

	/** @param credited the invoice a credit note credits; {@code null} for an invoice */
	public String render(Invoice invoice, Invoice credited) {
		boolean creditNote = invoice.kind() == Invoice.Kind.CREDIT_NOTE;
		String root = creditNote ? "CreditNote" : "Invoice";
		try {
			StringWriter out = new StringWriter();
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("", root, "urn:oasis:names:specification:ubl:schema:xsd:" + root + "-2");
			xml.writeDefaultNamespace("urn:oasis:names:specification:ubl:schema:xsd:" + root + "-2");
			xml.writeNamespace("cac", CAC);
			xml.writeNamespace("cbc", CBC);
			Writer w = new Writer(xml, invoice.currency());
			w.basic("CustomizationID", CUSTOMIZATION);
			w.basic("ProfileID", PROFILE);
			w.basic("ID", invoice.number());
			w.basic("IssueDate", invoice.issueDate().toString());
			if (!creditNote) {
				w.basic("DueDate", invoice.dueDate().toString());
				w.basic("InvoiceTypeCode", "380");
			}
			else {
				w.basic("CreditNoteTypeCode", "381");
			}
			if (invoice.reason() != null) {
				w.basic("Note", invoice.reason());
			}
			w.basic("DocumentCurrencyCode", invoice.currency());
			w.basic("BuyerReference", buyerReference(invoice));
			if (creditNote) {
				w.start("BillingReference");
				w.start("InvoiceDocumentReference");
				w.basic("ID", (credited != null) ? credited.number() : String.valueOf(invoice.creditsInvoiceId()));
				w.end();
				w.end();
			}
			supplier(w);
			customer(w, invoice);
			if (!creditNote) {
				paymentMeans(w, invoice);
				w.start("PaymentTerms");
				w.basic("Note", invoice.paymentTerms());
				w.end();
			}
			taxTotal(w, invoice);
			w.start("LegalMonetaryTotal");
			w.amount("LineExtensionAmount", invoice.net());
			w.amount("TaxExclusiveAmount", invoice.net());
			w.amount("TaxInclusiveAmount", invoice.total());
			w.amount("PayableAmount", invoice.total());
			w.end();
			for (InvoiceLine line : invoice.lines()) {
				line(w, line, creditNote);
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
			return out.toString();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Could not write the e-invoice of " + invoice.number(), ex);
		}
	}

	/** BT-10: what the buyer knows the purchase by, its PO numbers, else the orders. */
	private static String buyerReference(Invoice invoice) {
		List<String> references = invoice.lines()
			.stream()
			.map(line -> (line.purchaseOrderNumber() != null) ? line.purchaseOrderNumber() : line.orderNumber())
			.filter(reference -> reference != null)
			.distinct()
			.toList();
		String joined = String.join(", ", references);
		return joined.isEmpty() ? invoice.number() : joined;
	}

	private void supplier(Writer w) throws XMLStreamException {
		w.start("AccountingSupplierParty");
		w.start("Party");
		w.basic("EndpointID", "0037" + this.seller.businessId().replaceAll("[^0-9]", ""), "schemeID", OVT_SCHEME);
		w.start("PartyName");
		w.basic("Name", this.seller.name());
		w.end();
		w.start("PostalAddress");
		w.basic("StreetName", this.seller.street());
		w.basic("CityName", this.seller.city());
		w.basic("PostalZone", this.seller.postalCode());
		country(w, this.seller.countryCode());
		w.end();
		w.start("PartyTaxScheme");
		w.basic("CompanyID", this.seller.vatId());
		taxScheme(w);
		w.end();
		w.start("PartyLegalEntity");
		w.basic("RegistrationName", this.seller.name());
		w.basic("CompanyID", this.seller.businessId());
		w.end();
		w.end();
		w.end();
	}

	private static void customer(Writer w, Invoice invoice) throws XMLStreamException {
		String name = (invoice.customerName() != null) ? invoice.customerName() : invoice.customerId().toString();
		w.start("AccountingCustomerParty");
		w.start("Party");
		w.start("PartyIdentification");
		w.basic("ID", invoice.customerId().toString());
		w.end();
		w.start("PartyName");
		w.basic("Name", name);
		w.end();
		w.start("PostalAddress");
		country(w, invoice.countryCode());
		w.end();
		w.start("PartyLegalEntity");
		w.basic("RegistrationName", name);
		w.end();
		w.end();
		w.end();
	}

	private void paymentMeans(Writer w, Invoice invoice) throws XMLStreamException {
		w.start("PaymentMeans");
		// 58: SEPA credit transfer
		w.basic("PaymentMeansCode", "58");
		w.basic("PaymentID", invoice.reference());
		w.start("PayeeFinancialAccount");
		w.basic("ID", this.seller.iban());
		w.start("FinancialInstitutionBranch");
		w.basic("ID", this.seller.bic());
		w.end();
		w.end();
		w.end();
	}

	private static void taxTotal(Writer w, Invoice invoice) throws XMLStreamException {
		List<VatBreakdown> breakdown = invoice.vatBreakdown();
		w.start("TaxTotal");
		w.amount("TaxAmount", invoice.vat());
		for (VatBreakdown vat : breakdown) {
			w.start("TaxSubtotal");
			w.amount("TaxableAmount", vat.taxable());
			w.amount("TaxAmount", vat.tax());
			category(w, "TaxCategory", vat.rate());
			w.end();
		}
		w.end();
	}

	private static void line(Writer w, InvoiceLine line, boolean creditNote) throws XMLStreamException {
		w.start(creditNote ? "CreditNoteLine" : "InvoiceLine");
		w.basic("ID", String.valueOf(line.lineNo()));
		w.basic(creditNote ? "CreditedQuantity" : "InvoicedQuantity", String.valueOf(line.quantity()), "unitCode",
				"C62");
		w.amount("LineExtensionAmount", line.net());
		if (line.orderLineNo() != null) {
			w.start("OrderLineReference");
			w.basic("LineID", String.valueOf(line.orderLineNo()));
			w.end();
		}
		w.start("Item");
		w.basic("Name", (line.kind() == InvoiceLine.Kind.FREIGHT) ? "Freight" : line.description());
		if (line.sku() != null) {
			w.start("SellersItemIdentification");
			w.basic("ID", line.sku());
			w.end();
		}
		category(w, "ClassifiedTaxCategory", line.vatRate());
		w.end();
		w.start("Price");
		w.amount("PriceAmount", (line.unitPrice() != null) ? line.unitPrice() : line.net());
		w.end();
		w.end();
	}

	private static void category(Writer w, String element, BigDecimal rate) throws XMLStreamException {
		w.start(element);
		w.basic("ID", "S");
		w.basic("Percent", rate.stripTrailingZeros().toPlainString());
		taxScheme(w);
		w.end();
	}

	private static void taxScheme(Writer w) throws XMLStreamException {
		w.start("TaxScheme");
		w.basic("ID", "VAT");
		w.end();
	}

	private static void country(Writer w, String code) throws XMLStreamException {
		w.start("Country");
		w.basic("IdentificationCode", code);
		w.end();
	}

	/** UBL's two namespaces: aggregates (cac) hold other elements, basics (cbc) hold values. */
	private record Writer(XMLStreamWriter xml, String currency) {

		void start(String aggregate) throws XMLStreamException {
			this.xml.writeStartElement("cac", aggregate, CAC);
		}

		void end() throws XMLStreamException {
			this.xml.writeEndElement();
		}

		void basic(String name, String value) throws XMLStreamException {
			this.xml.writeStartElement("cbc", name, CBC);
			this.xml.writeCharacters((value != null) ? value : "");
			this.xml.writeEndElement();
		}

		void basic(String name, String value, String attribute, String attributeValue) throws XMLStreamException {
			this.xml.writeStartElement("cbc", name, CBC);
			this.xml.writeAttribute(attribute, attributeValue);
			this.xml.writeCharacters(value);
			this.xml.writeEndElement();
		}

		void amount(String name, BigDecimal amount) throws XMLStreamException {
			basic(name, Money.text(amount), "currencyID", this.currency);
		}
	}
}
