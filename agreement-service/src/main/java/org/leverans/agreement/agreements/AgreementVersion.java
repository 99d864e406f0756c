package org.leverans.agreement.agreements;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.leverans.agreement.catalog.Product;
import org.leverans.agreement.customers.Site;

/**
 * The terms of an agreement from {@code effectiveFrom} until the next version takes over.
 *
 * @param assortmentGroups the product groups the customer may order, or {@code null} for the whole catalogue
 * @param invoicingRule how the deliveries under these terms are invoiced
 */
public record AgreementVersion(int version, LocalDate effectiveFrom, PaymentTerms paymentTerms,
		FreightTerms freightTerms, DeliveryOptions deliveryOptions, PriceList priceList, Set<String> assortmentGroups,
		List<Site> sites, InvoicingRule invoicingRule) {

	public boolean inAssortment(Product product) {
		return this.assortmentGroups == null || this.assortmentGroups.contains(product.group());
	}

	public Optional<Site> site(UUID siteId) {
		return this.sites.stream().filter(site -> site.id().equals(siteId)).findFirst();
	}

	/** Package sizes both the product and the agreement allow, in the product's order. */
	public List<String> packageSizesFor(Product product) {
		return product.packageSizes()
			.stream()
			.filter(size -> this.deliveryOptions.packageSizes().contains(size))
			.toList();
	}
}
