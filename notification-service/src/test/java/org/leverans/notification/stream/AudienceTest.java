package org.leverans.notification.stream;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.notification.follow.Followed;
import org.leverans.web.caller.Caller;

import static org.assertj.core.api.Assertions.assertThat;

class AudienceTest {

	private static final UUID RAKENNUS = UUID.randomUUID();

	private static final UUID BYGG = UUID.randomUUID();

	private static final UUID JATKASAARI = UUID.randomUUID();

	private static final UUID PASILA = UUID.randomUUID();

	private final StreamEvent rakennusToJatkasaari = event(RAKENNUS, JATKASAARI);

	private final StreamEvent rakennusToPasila = event(RAKENNUS, PASILA);

	private final StreamEvent byggOrder = event(BYGG);

	@Test
	void buyerSeesEverythingOfHisCustomerAndNothingElse() {
		for (String role : Set.of("ORDERER", "AGREEMENT_MANAGER")) {
			Audience buyer = Audience.of(caller(Set.of(role), RAKENNUS, Set.of()));
			assertThat(buyer.sees(this.rakennusToJatkasaari)).isTrue();
			assertThat(buyer.sees(this.rakennusToPasila)).isTrue();
			assertThat(buyer.sees(this.byggOrder)).isFalse();
		}
	}

	@Test
	void receiverSeesOnlyHisSitesEvenWithinHisCustomer() {
		Audience receiver = Audience.of(caller(Set.of("RECEIVER"), RAKENNUS, Set.of(JATKASAARI)));
		assertThat(receiver.sees(this.rakennusToJatkasaari)).isTrue();
		assertThat(receiver.sees(this.rakennusToPasila)).isFalse();
		assertThat(receiver.sees(event(RAKENNUS))).isFalse();
	}

	@Test
	void siteIdsWithoutReceiverRoleGrantNothing() {
		Audience orderer = Audience.of(caller(Set.of("ORDERER"), null, Set.of(JATKASAARI)));
		assertThat(orderer.sees(this.rakennusToJatkasaari)).isFalse();
		assertThat(orderer.seesNothing()).isTrue();
	}

	@Test
	void adminSeesEveryCustomer() {
		Audience admin = Audience.of(caller(Set.of("ADMIN"), null, Set.of()));
		assertThat(admin.sees(this.byggOrder)).isTrue();
		assertThat(admin.sees(this.rakennusToPasila)).isTrue();
	}

	@Test
	void customerServiceSeesOnlyTheOrdersAndCustomersTheyFollow() {
		Caller sara = caller(Set.of("CUSTOMER_SERVICE"), null, Set.of());
		assertThat(Audience.of(sara).seesNothing()).isTrue();

		UUID followedOrder = UUID.randomUUID();
		Audience following = Audience.of(sara, new Followed(Set.of(followedOrder), Set.of(BYGG)));
		assertThat(following.sees(this.byggOrder)).isTrue();
		assertThat(following.sees(new StreamEvent(2, "shipment.updated", RAKENNUS, Set.of(PASILA), "{}",
				Instant.EPOCH, followedOrder))).isTrue();
		assertThat(following.sees(this.rakennusToPasila)).isFalse();
	}

	@Test
	void followsGrantNothingToPeopleOutsideCustomerService() {
		Audience anna = Audience.of(caller(Set.of("ORDERER"), RAKENNUS, Set.of()),
				new Followed(Set.of(), Set.of(BYGG)));
		assertThat(anna.sees(this.byggOrder)).isFalse();
	}

	@Test
	void carrierSeesNothing() {
		Audience carrier = Audience.of(caller(Set.of("CARRIER"), null, Set.of()));
		assertThat(carrier.seesNothing()).isTrue();
		assertThat(carrier.sees(this.rakennusToJatkasaari)).isFalse();
	}

	@Test
	void rolesAddUp() {
		Audience both = Audience.of(caller(Set.of("ORDERER", "RECEIVER"), BYGG, Set.of(JATKASAARI)));
		assertThat(both.sees(this.byggOrder)).isTrue();
		assertThat(both.sees(this.rakennusToJatkasaari)).isTrue();
		assertThat(both.sees(this.rakennusToPasila)).isFalse();
	}

	private static Caller caller(Set<String> roles, UUID customerId, Set<UUID> siteIds) {
		return new Caller("someone", roles, customerId, siteIds, null);
	}

	private static StreamEvent event(UUID customerId, UUID... siteIds) {
		return new StreamEvent(1, "order.status-changed", customerId, Set.of(siteIds), "{}", Instant.EPOCH);
	}
}
