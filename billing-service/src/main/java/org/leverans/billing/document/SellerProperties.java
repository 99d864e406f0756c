package org.leverans.billing.document;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The supplier as its invoices name it, under {@code leverans.billing.seller}: who is paid, and into which account.
 */
@ConfigurationProperties("leverans.billing.seller")
public record SellerProperties(String name, String businessId, String vatId, String street, String postalCode,
		String city, String countryCode, String iban, String bic, String email) {
}
