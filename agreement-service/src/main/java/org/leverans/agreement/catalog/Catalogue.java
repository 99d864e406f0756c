package org.leverans.agreement.catalog;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The product catalogue. Codes are matched case-insensitively. */
@Repository
public class Catalogue {

	private static final String COLUMNS = "sku, name, product_group, unit, list_price_eur, package_sizes,"
			+ " available_in_days, weight_kg";

	private final JdbcClient jdbc;

	Catalogue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The products with these codes, keyed by upper-case code; unknown codes are simply absent. */
	public Map<String, Product> bySku(Collection<String> skus) {
		String[] keys = skus.stream().filter(s -> s != null).map(Catalogue::key).distinct().toArray(String[]::new);
		if (keys.length == 0) {
			return Map.of();
		}
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM product WHERE upper(sku) = ANY(?)")
			.param(keys)
			.query(Catalogue::product)
			.list()
			.stream()
			.collect(Collectors.toMap(p -> key(p.sku()), Function.identity()));
	}

	/**
	 * One page of products whose code or name contains {@code text}, restricted to {@code groups} unless that is
	 * {@code null} (the whole catalogue).
	 */
	public Page search(String text, Set<String> groups, int page, int size) {
		String pattern = "%" + escapeLike((text != null) ? text.strip() : "") + "%";
		String[] groupFilter = (groups != null) ? groups.toArray(String[]::new) : null;
		String where = " FROM product WHERE (sku ILIKE :pattern ESCAPE '\\' OR name ILIKE :pattern ESCAPE '\\')"
				+ " AND (CAST(:groups AS TEXT[]) IS NULL OR product_group = ANY(CAST(:groups AS TEXT[])))";
		long total = this.jdbc.sql("SELECT count(*)" + where)
			.param("pattern", pattern)
			.param("groups", groupFilter)
			.query(Long.class)
			.single();
		List<Product> items = this.jdbc.sql("SELECT " + COLUMNS + where + " ORDER BY sku LIMIT :limit OFFSET :offset")
			.param("pattern", pattern)
			.param("groups", groupFilter)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(Catalogue::product)
			.list();
		return new Page(items, total);
	}

	/** @return {@code false} if a product with this code (in any case) exists already */
	public boolean add(Product product) {
		return this.jdbc.sql("""
				INSERT INTO product (sku, name, product_group, unit, list_price_eur, package_sizes, available_in_days,
				    weight_kg)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(product.sku(), product.name(), product.group(), product.unit(), product.listPriceEur(),
					product.packageSizes().toArray(String[]::new), product.availableInDays(), product.weightKg())
			.update() == 1;
	}

	/** Changes everything but the code; @return {@code false} if there is no such product */
	public boolean change(Product product) {
		return this.jdbc.sql("""
				UPDATE product SET name = ?, product_group = ?, unit = ?, list_price_eur = ?, package_sizes = ?,
				    available_in_days = ?, weight_kg = ?
				WHERE upper(sku) = ?""")
			.params(product.name(), product.group(), product.unit(), product.listPriceEur(),
					product.packageSizes().toArray(String[]::new), product.availableInDays(), product.weightKg(),
					key(product.sku()))
			.update() == 1;
	}

	public boolean groupExists(String group) {
		return this.jdbc.sql("SELECT count(*) FROM product_group WHERE code = ?")
			.param(group)
			.query(Integer.class)
			.single() > 0;
	}

	public static String key(String sku) {
		return sku.strip().toUpperCase(Locale.ROOT);
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	static Product product(ResultSet rs, int row) throws SQLException {
		return new Product(rs.getString("sku"), rs.getString("name"), rs.getString("product_group"),
				rs.getString("unit"), rs.getBigDecimal("list_price_eur"), strings(rs.getArray("package_sizes")),
				rs.getInt("available_in_days"), rs.getBigDecimal("weight_kg"));
	}

	public static List<String> strings(Array array) throws SQLException {
		return (array != null) ? Arrays.asList((String[]) array.getArray()) : null;
	}

	public record Page(List<Product> items, long total) {
	}
}
