package org.leverans.agreement.agreements;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.leverans.agreement.customers.Site;
import org.leverans.contracts.Money;

/**
 * An agreement as buyers and admins see it (ARCHITECTURE.md contract example). {@code priceList} and
 * {@code members} are shown only to those who negotiate the agreement: agreement managers and admins. An orderer or
 * receiver does not see their colleagues.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record AgreementView(UUID id, String number, UUID customerId, String customerName, LocalDate validFrom,
		LocalDate validTo, String currency, int version, LocalDate versionEffectiveFrom, PaymentTermsView paymentTerms,
		FreightTermsView freightTerms, String invoicingRule, DeliveryOptionsView deliveryOptions, List<String> assortmentGroups,
		List<SiteView> sites, PriceListView priceList, List<MemberView> members) {

	/** Without members: for callers who may not see them. */
	public static AgreementView of(Agreement agreement, boolean withPrices) {
		return of(agreement, withPrices, null);
	}

	/** @param members the agreement's members, or {@code null} to leave them out */
	public static AgreementView of(Agreement agreement, boolean withPrices, List<AgreementMember> members) {
		AgreementVersion terms = agreement.terms();
		DeliveryOptions options = terms.deliveryOptions();
		return new AgreementView(agreement.id(), agreement.number(), agreement.customerId(),
				agreement.customerName(), agreement.validFrom(), agreement.validTo(), agreement.currency(),
				terms.version(), terms.effectiveFrom(),
				new PaymentTermsView(terms.paymentTerms().code(), terms.paymentTerms().days()),
				FreightTermsView.of(terms.freightTerms()), terms.invoicingRule().name(),
				new DeliveryOptionsView(options.splitDeliveryAllowed(), options.multipleSitesAllowed(),
						options.packageSizes(), options.minLeadTimeDays(),
						options.slots().stream().map(s -> new SlotView(s.from().toString(), s.to().toString())).toList()),
				(terms.assortmentGroups() != null) ? terms.assortmentGroups().stream().sorted().toList() : null,
				terms.sites().stream().map(SiteView::of).toList(),
				withPrices ? PriceListView.of(terms.priceList()) : null,
				(members != null) ? members.stream().map(MemberView::of).toList() : null);
	}

	/** {@code siteIds} only for receivers. */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record MemberView(String username, String name, String role, List<UUID> siteIds) {

		public static MemberView of(AgreementMember member) {
			return new MemberView(member.username(), member.name(), member.role().name(), member.siteIds());
		}
	}

	public record PaymentTermsView(String code, int days) {
	}

	/** {@code fee} or {@code ratePerKg} (with an optional {@code minimumFee}); absent parts are left out. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record FreightTermsView(String code, String threshold, String fee, String ratePerKg, String minimumFee) {

		static FreightTermsView of(FreightTerms terms) {
			return new FreightTermsView(terms.code().name(), Money.text(terms.threshold()), Money.text(terms.fee()),
					(terms.ratePerKg() != null) ? terms.ratePerKg().stripTrailingZeros().toPlainString() : null,
					Money.text(terms.minimumFee()));
		}
	}

	public record DeliveryOptionsView(boolean splitDeliveryAllowed, boolean multipleSitesAllowed,
			List<String> packageSizes, int minLeadTimeDays, List<SlotView> slots) {
	}

	public record SlotView(String from, String to) {
	}

	public record SiteView(UUID id, String name, AddressView address, ReceiverView receiver) {

		public static SiteView of(Site site) {
			return new SiteView(site.id(), site.name(),
					new AddressView(site.street(), site.postalCode(), site.city(), site.countryCode()),
					new ReceiverView(site.receiverName(), site.receiverPhone()));
		}
	}

	public record AddressView(String street, String postalCode, String city, String countryCode) {
	}

	public record ReceiverView(String name, String phone) {
	}

	/** The list-price rate converts EUR catalogue prices into the agreement's currency. */
	public record PriceListView(String listPriceRate, List<ContractPriceView> contractPrices,
			List<GroupDiscountView> groupDiscounts) {

		static PriceListView of(PriceList prices) {
			return new PriceListView(prices.listPriceRate().stripTrailingZeros().toPlainString(),
					prices.contractPrices()
						.entrySet()
						.stream()
						.map(e -> new ContractPriceView(e.getKey(), Money.text(e.getValue())))
						.toList(),
					prices.groupDiscounts()
						.entrySet()
						.stream()
						.map(e -> new GroupDiscountView(e.getKey(),
								e.getValue().stripTrailingZeros().toPlainString()))
						.toList());
		}
	}

	public record ContractPriceView(String sku, String price) {
	}

	public record GroupDiscountView(String group, String percent) {
	}
}
