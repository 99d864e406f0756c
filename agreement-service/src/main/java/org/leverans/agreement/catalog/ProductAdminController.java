package org.leverans.agreement.catalog;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;



import org.leverans.contracts.Money;
import org.leverans.web.problem.ApiProblem;
import org.leverans.web.problem.FieldProblem;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supplier admin's catalogue (role ADMIN): EUR list prices and availability as days from today. A change never
 * touches orders already validated; they carry their own prices.
 */
@RestController
@RequestMapping("/api/admin/products")
class ProductAdminController {

	private final Catalogue catalogue;

	ProductAdminController(Catalogue catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping
	ProductPage products(@RequestParam(required = false) @Size(max = 100) String q,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
		Catalogue.Page found = this.catalogue.search(q, null, page, size);
		return new ProductPage(found.items().stream().map(ProductView::of).toList(), page, size, found.total());
	}

	@GetMapping("/{sku}")
	ProductView product(@PathVariable String sku) {
		Product product = this.catalogue.bySku(List.of(sku)).get(Catalogue.key(sku));
		if (product == null) {
			throw ApiProblem.notFound("No product " + sku);
		}
		return ProductView.of(product);
	}

	@PostMapping
	ResponseEntity<ProductView> add(@Valid @RequestBody ProductRequest request) {
		requireGroup(request.group());
		if (request.sku() == null || request.sku().isBlank()) {
			throw invalid("sku", "REQUIRED", "A new product needs a code");
		}
		Product product = request.toProduct(request.sku().strip(), BigDecimal.ZERO);
		if (!this.catalogue.add(product)) {
			throw ApiProblem.conflict("Product " + product.sku() + " exists",
					List.of(FieldProblem.field("sku", "DUPLICATE", "A product with this code exists")));
		}
		return ResponseEntity.created(URI.create("/api/admin/products/" + product.sku())).body(ProductView.of(product));
	}

	@PutMapping("/{sku}")
	ProductView change(@PathVariable String sku, @Valid @RequestBody ProductRequest request) {
		if (request.sku() != null && !Catalogue.key(request.sku()).equals(Catalogue.key(sku))) {
			throw invalid("sku", "IMMUTABLE", "A product's code cannot change");
		}
		requireGroup(request.group());
		Product existing = this.catalogue.bySku(List.of(sku)).get(Catalogue.key(sku));
		if (existing == null) {
			throw ApiProblem.notFound("No product " + sku);
		}
		Product changed = request.toProduct(existing.sku(), existing.weightKg());
		this.catalogue.change(changed);
		return ProductView.of(changed);
	}

	private void requireGroup(String group) {
		if (!this.catalogue.groupExists(group)) {
			throw invalid("group", "UNKNOWN", "No product group " + group);
		}
	}

	private static ApiProblem invalid(String field, String code, String message) {
		return ApiProblem.invalid("The request has invalid fields",
				List.of(FieldProblem.field(field, code, message)));
	}

	record ProductRequest(@Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9.\\-]{1,39}") String sku,
			@NotBlank @Size(max = 200) String name, @NotBlank String group,
			@NotBlank @Pattern(regexp = "[A-Z0-9]{1,10}") String unit,
			@NotNull @DecimalMin(value = "0.00", inclusive = false) @Digits(integer = 10, fraction = 2) BigDecimal listPrice,
			@NotEmpty List<@NotNull @Pattern(regexp = "PARCEL|HALF_PALLET|PALLET") String> packageSizes,
			@NotNull @Min(0) @Max(365) Integer availableInDays,
			@DecimalMin("0.000") @Digits(integer = 7, fraction = 3) BigDecimal weightKg) {

		/** Without {@code weightKg} the weight stays as it was (a new product weighs nothing until it is set). */
		Product toProduct(String sku, BigDecimal currentWeightKg) {
			return new Product(sku, this.name.strip(), this.group, this.unit, this.listPrice,
					this.packageSizes.stream().distinct().toList(), this.availableInDays,
					(this.weightKg != null) ? this.weightKg : currentWeightKg);
		}
	}

	/** {@code listPrice} is the EUR catalogue price; {@code weightKg} the weight of one unit. */
	record ProductView(String sku, String name, String group, String unit, String listPrice, String currency,
			List<String> packageSizes, int availableInDays, String weightKg) {

		static ProductView of(Product product) {
			return new ProductView(product.sku(), product.name(), product.group(), product.unit(),
					Money.text(product.listPriceEur()), "EUR", product.packageSizes(), product.availableInDays(),
					Weight.text(product.weightKg()));
		}
	}

	record ProductPage(List<ProductView> items, int page, int size, long total) {
	}
}
