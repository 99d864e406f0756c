package org.leverans.agreement.agreements;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.leverans.agreement.catalog.Catalogue;
import org.leverans.agreement.catalog.Product;
import org.leverans.agreement.catalog.Weight;
import org.leverans.agreement.customers.Customer;
import org.leverans.agreement.customers.Customers;
import org.leverans.contracts.Money;
import org.leverans.web.caller.Caller;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer's view of the catalogue: only products in its agreement's assortment, at its prices, with the
 * package sizes both the product and the agreement allow. Without an agreement in force there is nothing to order.
 * It lives with the agreements, not the catalogue: what a customer sees is decided by its agreement, and the
 * catalogue itself knows nothing of agreements.
 */
@RestController
class CatalogController {

	private final Catalogue catalogue;

	private final Agreements agreements;

	private final Customers customers;

	private final Clock clock;

	CatalogController(Catalogue catalogue, Agreements agreements, Customers customers, Clock clock) {
		this.catalogue = catalogue;
		this.agreements = agreements;
		this.customers = customers;
		this.clock = clock;
	}

	@GetMapping("/api/catalog")
	CatalogPage search(@RequestParam(required = false) @Size(max = 100) String q,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
		UUID customerId = caller.requireCustomer();
		Optional<Customer> customer = this.customers.byId(customerId);
		LocalDate today = customer.map(c -> LocalDate.now(this.clock.withZone(c.timeZone())))
			.orElse(LocalDate.now(this.clock));
		Optional<Agreement> agreement = customer.flatMap(c -> this.agreements.inForce(c.id(), today));
		if (agreement.isEmpty()) {
			return new CatalogPage(List.of(), page, size, 0);
		}
		AgreementVersion terms = agreement.get().terms();
		Catalogue.Page found = this.catalogue.search(q, terms.assortmentGroups(), page, size);
		List<CatalogItem> items = found.items()
			.stream()
			.map(product -> {
				List<String> sizes = terms.packageSizesFor(product);
				return new CatalogItem(product.sku(), product.name(), product.group(), product.unit(),
						agreement.get().currency(), Money.text(terms.priceList().listPrice(product)),
						Money.text(terms.priceList().unitPrice(product)), sizes, product.availableFrom(today),
						Weight.text(product.weightKg()), !sizes.isEmpty(),
						sizes.isEmpty() ? NotOrderable.noPackageSize(product, terms) : null);
			})
			.toList();
		return new CatalogPage(items, page, size, found.total());
	}

	record CatalogPage(List<CatalogItem> items, int page, int size, long total) {
	}

	/**
	 * {@code weightKg} per unit, so a buyer can see what weight-based freight will charge. {@code orderable} is false,
	 * with the reason, when every order of the product under this agreement would be rejected.
	 */
	record CatalogItem(String sku, String name, String group, String unit, String currency, String listPrice,
			String price, List<String> packageSizes, LocalDate availableFrom, String weightKg, boolean orderable,
			NotOrderable notOrderable) {
	}

	/** Why a product cannot be ordered, with the reason code validation would reject its order line with. */
	record NotOrderable(String code, String message) {

		static NotOrderable noPackageSize(Product product, AgreementVersion terms) {
			return new NotOrderable("PACKAGE_SIZE_NOT_ALLOWED",
					"Comes only as " + String.join(", ", product.packageSizes()) + "; the agreement delivers only "
							+ String.join(", ", terms.deliveryOptions().packageSizes()) + ".");
		}
	}
}
