package org.leverans.billing.invoicing;

import java.util.Locale;

import org.apache.commons.validator.routines.checkdigit.CheckDigitException;
import org.apache.commons.validator.routines.checkdigit.IBANCheckDigit;

/**
 * The RF creditor reference of ISO 11649 (e.g. {@code RF18 5390 0754 7034}): {@code RF}, two check digits and up to
 * 21 letters or digits. Its check digits are those of an IBAN (ISO 7064 MOD 97-10), so the library's IBAN check
 * computes them.
 */
public final class RfReference {

	private static final int MAX_BASE = 21;

	private RfReference() {
	}

	/** The reference for {@code base}, e.g. the invoice number's digits. */
	public static String of(String base) {
		String clean = normalize(base);
		if (clean.isEmpty() || clean.length() > MAX_BASE || !clean.chars().allMatch(Character::isLetterOrDigit)) {
			throw new IllegalArgumentException("An RF reference is made of 1 to 21 letters or digits, got: " + base);
		}
		try {
			return "RF" + IBANCheckDigit.IBAN_CHECK_DIGIT.calculate("RF00" + clean) + clean;
		}
		catch (CheckDigitException ex) {
			throw new IllegalArgumentException("No RF reference can be made of " + base, ex);
		}
	}

	/** Whether {@code reference} (spaces and case ignored) is a well-formed RF reference with right check digits. */
	public static boolean isValid(String reference) {
		if (reference == null) {
			return false;
		}
		String clean = normalize(reference);
		return clean.length() >= 5 && clean.length() <= 4 + MAX_BASE && clean.startsWith("RF")
				&& clean.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))
				&& IBANCheckDigit.IBAN_CHECK_DIGIT.isValid(clean);
	}

	/** The machine form: no spaces, upper case. */
	public static String normalize(String reference) {
		return reference.replace(" ", "").toUpperCase(Locale.ROOT);
	}

	/** Printed in groups of four, as on a paper invoice. */
	public static String printed(String reference) {
		return normalize(reference).replaceAll("(.{4})(?!$)", "$1 ");
	}
}
