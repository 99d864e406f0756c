package org.leverans.billing.payment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.leverans.web.problem.ApiProblem;
import org.leverans.web.problem.FieldProblem;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads the credit entries of an ISO 20022 {@code camt.054} (bank to customer debit/credit notification), any
 * version ({@code camt.054.001.02} as Finnish banks send it, up to {@code .08}), into payments. Only booked credits
 * count; debits and reversals are not payments to us. A file that is not XML, not a camt.054, or has an entry
 * without an amount, currency, date or reference is refused whole, naming each entry at fault.
 */
final class Camt054 {

	private static final String NAMESPACE_PREFIX = "urn:iso:std:iso:20022:tech:xsd:camt.054.";

	private Camt054() {
	}

	static List<PaymentInput> read(byte[] file) {
		Element root = parse(file).getDocumentElement();
		if (!"Document".equals(root.getLocalName()) || root.getNamespaceURI() == null
				|| !root.getNamespaceURI().startsWith(NAMESPACE_PREFIX)) {
			throw malformed("The file is not an ISO 20022 camt.054 notification (its root is "
					+ root.getNodeName() + " in " + root.getNamespaceURI() + ")");
		}
		Element notification = child(root, "BkToCstmrDbtCdtNtfctn")
			.orElseThrow(() -> malformed("The file has no BkToCstmrDbtCdtNtfctn"));
		String messageId = path(notification, "GrpHdr", "MsgId").orElse("camt054");
		List<PaymentInput> payments = new ArrayList<>();
		List<FieldProblem> problems = new ArrayList<>();
		int entryNo = 0;
		for (Element ntfctn : children(notification, "Ntfctn")) {
			for (Element entry : children(ntfctn, "Ntry")) {
				entryNo++;
				if (!"CRDT".equals(text(entry, "CdtDbtInd").orElse(null))
						|| "true".equals(text(entry, "RvslInd").orElse(null))) {
					continue;
				}
				List<Element> transactions = new ArrayList<>();
				child(entry, "NtryDtls").ifPresent(details -> children(details, "TxDtls").forEach(transactions::add));
				if (transactions.isEmpty()) {
					transactions.add(entry);
				}
				int txNo = 0;
				for (Element transaction : transactions) {
					txNo++;
					int number = entryNo;
					List<FieldProblem> found = new ArrayList<>();
					Optional<Element> amount = child(transaction, "Amt")
						.or(() -> element(transaction, "AmtDtls", "TxAmt", "Amt"))
						.or(() -> (transaction != entry && transactions.size() == 1) ? child(entry, "Amt")
								: Optional.empty());
					BigDecimal value = amount.map(Camt054::amount).orElse(null);
					String currency = amount.map(element -> element.getAttribute("Ccy")).orElse("");
					if (value == null || value.signum() <= 0 || value.scale() > 2) {
						found.add(FieldProblem.line(number, FieldProblem.INVALID_VALUE,
								"Entry " + number + " has no positive amount in cents"));
					}
					if (!currency.matches("[A-Z]{3}")) {
						found.add(FieldProblem.line(number, FieldProblem.REQUIRED,
								"Entry " + number + " has no currency (Amt/@Ccy)"));
					}
					LocalDate paidOn = date(entry);
					if (paidOn == null) {
						found.add(FieldProblem.line(number, FieldProblem.REQUIRED,
								"Entry " + number + " has no booking or value date"));
					}
					Optional<String> reference = path(transaction, "RmtInf", "Strd", "CdtrRefInf", "Ref")
						.or(() -> text(child(transaction, "RmtInf").orElse(null), "Ustrd"));
					if (reference.isEmpty() || reference.get().length() > 35) {
						found.add(FieldProblem.line(number, FieldProblem.REQUIRED,
								"Entry " + number + " has no creditor reference (RmtInf/Strd/CdtrRefInf/Ref)"));
					}
					if (!found.isEmpty()) {
						problems.addAll(found);
						continue;
					}
					String externalId = path(transaction, "Refs", "AcctSvcrRef")
						.or(() -> text(entry, "AcctSvcrRef").map(id -> (transactions.size() > 1) ? id + "/" : id))
						.orElse(messageId + "/" + number + "/")
						+ ((transactions.size() > 1 && path(transaction, "Refs", "AcctSvcrRef").isEmpty())
								? String.valueOf(txNo) : "");
					String payer = path(transaction, "RltdPties", "Dbtr", "Nm")
						.or(() -> path(transaction, "RltdPties", "Dbtr", "Pty", "Nm"))
						.orElse(null);
					payments.add(new PaymentInput(externalId, reference.get(), value, currency, paidOn, payer, null));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw ApiProblem.invalid("The camt.054 file has " + problems.size() + " problem(s); nothing was recorded.",
					problems);
		}
		return payments;
	}

	private static Document parse(byte[] file) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			// A bank file is data: no DTDs, no external entities, nothing fetched while reading it.
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			factory.setExpandEntityReferences(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			return builder.parse(new ByteArrayInputStream(file));
		}
		catch (SAXException | IOException ex) {
			throw malformed("The file is not well-formed XML: " + ex.getMessage());
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static BigDecimal amount(Element amount) {
		try {
			return new BigDecimal(amount.getTextContent().strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static LocalDate date(Element entry) {
		for (String kind : List.of("BookgDt", "ValDt")) {
			Optional<Element> date = child(entry, kind);
			if (date.isEmpty()) {
				continue;
			}
			try {
				Optional<String> day = text(date.get(), "Dt");
				if (day.isPresent()) {
					return LocalDate.parse(day.get());
				}
				Optional<String> time = text(date.get(), "DtTm");
				if (time.isPresent()) {
					return OffsetDateTime.parse(time.get()).toLocalDate();
				}
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}
		return null;
	}

	private static ApiProblem malformed(String detail) {
		return ApiProblem.invalid(detail, List.of(FieldProblem.field("file", FieldProblem.INVALID_FORMAT, detail)));
	}

	private static Optional<String> path(Element from, String... names) {
		return element(from, java.util.Arrays.copyOf(names, names.length - 1))
			.flatMap(parent -> text(parent, names[names.length - 1]));
	}

	private static Optional<Element> element(Element from, String... names) {
		Optional<Element> element = Optional.of(from);
		for (String name : names) {
			element = element.flatMap(parent -> child(parent, name));
		}
		return element;
	}

	private static Optional<String> text(Element parent, String name) {
		if (parent == null) {
			return Optional.empty();
		}
		return child(parent, name).map(Node::getTextContent).map(String::strip).filter(text -> !text.isEmpty());
	}

	private static Optional<Element> child(Element parent, String name) {
		return children(parent, name).stream().findFirst();
	}

	private static List<Element> children(Element parent, String name) {
		List<Element> found = new ArrayList<>();
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && name.equals(element.getLocalName())) {
				found.add(element);
			}
		}
		return found;
	}
}
