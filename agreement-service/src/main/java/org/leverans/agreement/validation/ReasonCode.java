package org.leverans.agreement.validation;

/** The reason codes of {@code OrderValidationFailed}. */
public enum ReasonCode {
	AGREEMENT_NOT_ACTIVE, SKU_UNKNOWN, SKU_NOT_IN_ASSORTMENT, SITE_NOT_IN_AGREEMENT, SPLIT_NOT_ALLOWED,
	MULTIPLE_SITES_NOT_ALLOWED, PACKAGE_SIZE_NOT_ALLOWED, LEAD_TIME_TOO_SHORT, QUANTITY_INVALID
}
