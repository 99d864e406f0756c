package org.leverans.agreement.agreements;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.leverans.agreement.catalog.Catalogue;
import org.leverans.agreement.customers.Customers;
import org.leverans.agreement.customers.Site;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads agreements with the terms of the version in force on a given day. */
@Repository
public class Agreements {

	private static final String HEADER = """
			SELECT a.id, a.number, a.customer_id, c.name AS customer_name, c.time_zone, a.currency, a.valid_from,
			       a.valid_to
			FROM agreement a JOIN customer c ON c.id = a.customer_id""";

	private final JdbcClient jdbc;

	Agreements(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The customer's agreement in force on {@code date}, if any. */
	public Optional<Agreement> inForce(UUID customerId, LocalDate date) {
		return this.jdbc.sql(HEADER + """
				 WHERE a.customer_id = ? AND a.valid_from <= ? AND (a.valid_to IS NULL OR a.valid_to >= ?)
				ORDER BY a.valid_from DESC LIMIT 1""")
			.params(customerId, date, date)
			.query(Agreements::header)
			.optional()
			.map(header -> header.with(termsOn(header.id(), date)));
	}

	/**
	 * The agreement with the terms in force on {@code date}; before the agreement starts, its first version, after
	 * it ends, its last.
	 */
	public Optional<Agreement> byId(UUID id, LocalDate date) {
		return this.jdbc.sql(HEADER + " WHERE a.id = ?")
			.param(id)
			.query(Agreements::header)
			.optional()
			.map(header -> header.with(termsOn(id, date)));
	}

	/** The agreement with the terms in force today in its customer's time zone. */
	public Optional<Agreement> byIdToday(UUID id, Clock clock) {
		return this.jdbc.sql(HEADER + " WHERE a.id = ?")
			.param(id)
			.query(Agreements::header)
			.optional()
			.map(header -> header.with(termsOn(id, LocalDate.now(clock.withZone(header.customerTimeZone())))));
	}

	/** Every version of the agreement, oldest first. */
	public List<AgreementVersion> versions(UUID agreementId) {
		return versionRows(agreementId).stream().map(this::load).toList();
	}

	public List<Header> ofCustomer(UUID customerId) {
		return this.jdbc.sql(HEADER + " WHERE a.customer_id = ? ORDER BY a.valid_from")
			.param(customerId)
			.query(Agreements::header)
			.list();
	}

	private AgreementVersion termsOn(UUID agreementId, LocalDate date) {
		List<VersionRow> rows = versionRows(agreementId);
		VersionRow chosen = rows.stream()
			.filter(row -> !row.effectiveFrom().isAfter(date))
			.max(Comparator.comparing(VersionRow::effectiveFrom))
			.orElse(rows.get(0));
		return load(chosen);
	}

	private List<VersionRow> versionRows(UUID agreementId) {
		return this.jdbc.sql("SELECT * FROM agreement_version WHERE agreement_id = ? ORDER BY effective_from")
			.param(agreementId)
			.query((rs, n) -> new VersionRow(agreementId, rs.getInt("version"),
					rs.getObject("effective_from", LocalDate.class),
					new PaymentTerms(rs.getString("payment_terms_code"), rs.getInt("payment_days")),
					new FreightTerms(FreightTerms.Code.valueOf(rs.getString("freight_terms_code")),
							rs.getBigDecimal("freight_threshold"), rs.getBigDecimal("freight_fee"),
							rs.getBigDecimal("freight_rate_per_kg"), rs.getBigDecimal("freight_minimum_fee")),
					new DeliveryOptions(rs.getBoolean("split_delivery_allowed"),
							rs.getBoolean("multiple_sites_allowed"), Catalogue.strings(rs.getArray("package_sizes")),
							rs.getInt("min_lead_time_days"),
							Catalogue.strings(rs.getArray("delivery_slots"))
								.stream()
								.map(DeliveryOptions.Slot::parse)
								.toList()),
					rs.getBigDecimal("list_price_rate"), Catalogue.strings(rs.getArray("assortment_groups")),
					InvoicingRule.valueOf(rs.getString("invoicing_rule"))))
			.list();
	}

	private AgreementVersion load(VersionRow row) {
		List<Site> sites = this.jdbc.sql("SELECT s.* FROM agreement_site x JOIN delivery_site s ON s.id = x.site_id"
				+ " WHERE x.agreement_id = ? AND x.version = ? ORDER BY s.name")
			.params(row.agreementId(), row.version())
			.query(Customers::site)
			.list();
		Map<String, BigDecimal> prices = new LinkedHashMap<>();
		this.jdbc.sql("SELECT sku, price FROM agreement_price WHERE agreement_id = ? AND version = ? ORDER BY sku")
			.params(row.agreementId(), row.version())
			.query((ResultSet rs) -> {
				prices.put(Catalogue.key(rs.getString(1)), rs.getBigDecimal(2));
			});
		Map<String, BigDecimal> discounts = new LinkedHashMap<>();
		this.jdbc.sql("SELECT product_group, discount_percent FROM agreement_group_discount"
				+ " WHERE agreement_id = ? AND version = ? ORDER BY product_group")
			.params(row.agreementId(), row.version())
			.query((ResultSet rs) -> {
				discounts.put(rs.getString(1), rs.getBigDecimal(2));
			});
		return new AgreementVersion(row.version(), row.effectiveFrom(), row.paymentTerms(), row.freightTerms(),
				row.deliveryOptions(), new PriceList(row.listPriceRate(), prices, discounts),
				(row.assortmentGroups() != null) ? new HashSet<>(row.assortmentGroups()) : null, sites,
				row.invoicingRule());
	}

	private static Header header(ResultSet rs, int row) throws SQLException {
		return new Header(rs.getObject("id", UUID.class), rs.getString("number"),
				rs.getObject("customer_id", UUID.class), rs.getString("customer_name"),
				ZoneId.of(rs.getString("time_zone")), rs.getString("currency"),
				rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class));
	}

	/** An agreement without its terms. */
	public record Header(UUID id, String number, UUID customerId, String customerName, ZoneId customerTimeZone,
			String currency, LocalDate validFrom, LocalDate validTo) {

		Agreement with(AgreementVersion terms) {
			return new Agreement(this.id, this.number, this.customerId, this.customerName, this.customerTimeZone,
					this.currency, this.validFrom, this.validTo, terms);
		}
	}

	private record VersionRow(UUID agreementId, int version, LocalDate effectiveFrom, PaymentTerms paymentTerms,
			FreightTerms freightTerms, DeliveryOptions deliveryOptions, BigDecimal listPriceRate,
			List<String> assortmentGroups, InvoicingRule invoicingRule) {
	}
}
