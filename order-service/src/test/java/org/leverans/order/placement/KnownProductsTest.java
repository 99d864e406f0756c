package org.leverans.order.placement;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.order.OrderProperties;
import org.leverans.web.problem.ApiProblem;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class KnownProductsTest {

	private static final OrderProperties.Admission ANY_ADMISSION = new OrderProperties.Admission(200,
			Duration.ofMillis(250), Duration.ofSeconds(2));

	final AtomicLong nanos = new AtomicLong();

	final ProductCodes catalogue = mock(ProductCodes.class);

	final KnownProducts products = new KnownProducts(this.catalogue,
			new OrderProperties(Duration.ofHours(24), 100, Duration.ofMinutes(10), ANY_ADMISSION), this.nanos::get);

	@Test
	void aKnownCodeIsNotAskedAboutAgainWithinThePeriodWhateverItsCase() {
		given(this.catalogue.unknown(anyCollection(), any())).willReturn(Optional.of(Set.of()));

		this.products.check(order("CEM-25KG", "PLY-18MM"), "token");
		this.products.check(order("cem-25kg"), "token");
		this.products.check(order("PLY-18MM", "CEM-25KG"), "token");

		verify(this.catalogue, times(1)).unknown(anyCollection(), any());
		verify(this.catalogue).unknown(List.of("CEM-25KG", "PLY-18MM"), "token");
	}

	@Test
	void onlyTheCodesNotKnownYetAreAsked() {
		given(this.catalogue.unknown(anyCollection(), any())).willReturn(Optional.of(Set.of()));
		this.products.check(order("CEM-25KG"), "token");

		this.products.check(order("CEM-25KG", "GLULAM-90x270"), "token");

		verify(this.catalogue).unknown(List.of("GLULAM-90x270"), "token");
	}

	@Test
	void aKnownCodeIsAskedAboutAgainOnceThePeriodHasPassed() {
		given(this.catalogue.unknown(anyCollection(), any())).willReturn(Optional.of(Set.of()));
		this.products.check(order("CEM-25KG"), "token");

		this.nanos.addAndGet(Duration.ofMinutes(10).plusSeconds(1).toNanos());
		this.products.check(order("CEM-25KG"), "token");

		verify(this.catalogue, times(2)).unknown(List.of("CEM-25KG"), "token");
	}

	@Test
	void anUnknownCodeIsRefusedEveryTimeAndNeverRemembered() {
		given(this.catalogue.unknown(anyCollection(), any())).willReturn(Optional.of(Set.of("NOPE-1")));

		for (int attempt = 0; attempt < 2; attempt++) {
			assertThatExceptionOfType(ApiProblem.class).isThrownBy(() -> this.products.check(order("NOPE-1"), "t"));
		}

		verify(this.catalogue, times(2)).unknown(List.of("NOPE-1"), "t");
	}

	@Test
	void whenTheCatalogueCannotTellTheOrderPassesAndNothingIsRemembered() {
		given(this.catalogue.unknown(anyCollection(), any())).willReturn(Optional.empty());

		assertThatNoException().isThrownBy(() -> this.products.check(order("CEM-25KG"), "token"));
		this.products.check(order("CEM-25KG"), "token");

		verify(this.catalogue, times(2)).unknown(List.of("CEM-25KG"), "token");
	}

	@Test
	void withNoPeriodEveryPlacementAsks() {
		KnownProducts askingAlways = new KnownProducts(this.catalogue,
				new OrderProperties(Duration.ofHours(24), 100, Duration.ZERO, ANY_ADMISSION), this.nanos::get);
		given(this.catalogue.unknown(anyCollection(), any())).willReturn(Optional.of(Set.of()));

		askingAlways.check(order("CEM-25KG"), "token");
		askingAlways.check(order("CEM-25KG"), "token");

		verify(this.catalogue, times(2)).unknown(List.of("CEM-25KG"), "token");
		verify(this.catalogue, never()).unknown(List.of(), "token");
	}

	private static PlaceOrderRequest order(String... skus) {
		UUID site = UUID.randomUUID();
		return new PlaceOrderRequest("PO-1", DeliveryMode.COMPLETE,
				new PlaceOrderRequest.Slot(LocalDate.of(2026, 12, 14), LocalTime.of(7, 0), LocalTime.of(9, 0)),
				Arrays.stream(skus).map(sku -> new PlaceOrderRequest.Line(sku, 1, "PALLET", site)).toList(), null);
	}
}
