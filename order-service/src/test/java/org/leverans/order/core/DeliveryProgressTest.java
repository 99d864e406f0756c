package org.leverans.order.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryProgressTest {

	@Test
	void plannedShipmentsLeaveTheOrderAccepted() {
		assertThat(new DeliveryProgress(2, false, 0).next(OrderStatus.ACCEPTED)).isEmpty();
	}

	@Test
	void firstPickUpPutsTheOrderInDelivery() {
		assertThat(new DeliveryProgress(2, true, 0).next(OrderStatus.ACCEPTED)).contains(OrderStatus.IN_DELIVERY);
	}

	@Test
	void someButNotAllDeliveredIsPartiallyDelivered() {
		assertThat(new DeliveryProgress(2, true, 1).next(OrderStatus.IN_DELIVERY))
			.contains(OrderStatus.PARTIALLY_DELIVERED);
	}

	@Test
	void allShipmentsDeliveredIsDelivered() {
		assertThat(new DeliveryProgress(2, true, 2).next(OrderStatus.PARTIALLY_DELIVERED))
			.contains(OrderStatus.DELIVERED);
	}

	@Test
	void deliveryWithoutASeenPickUpStillDeliversTheOrder() {
		assertThat(new DeliveryProgress(1, false, 1).next(OrderStatus.ACCEPTED)).contains(OrderStatus.DELIVERED);
	}

	@Test
	void unknownShipmentCountNeverCompletesTheOrder() {
		assertThat(new DeliveryProgress(0, true, 1).next(OrderStatus.IN_DELIVERY))
			.contains(OrderStatus.PARTIALLY_DELIVERED);
	}

	@Test
	void lateProgressNeverMovesTheOrderBackwards() {
		assertThat(new DeliveryProgress(2, true, 0).next(OrderStatus.PARTIALLY_DELIVERED)).isEmpty();
		assertThat(new DeliveryProgress(2, true, 2).next(OrderStatus.DELIVERED)).isEmpty();
	}

	@Test
	void shipmentsDoNotMoveOrdersThatAreNotAccepted() {
		assertThat(new DeliveryProgress(1, true, 1).next(OrderStatus.CANCELLED)).isEmpty();
		assertThat(new DeliveryProgress(1, true, 1).next(OrderStatus.ON_HOLD)).isEmpty();
	}

	@Test
	void ordersMayBeCancelledUntilTheFirstPickUp() {
		assertThat(OrderStatus.PLACED.mayCancel(false)).isTrue();
		assertThat(OrderStatus.VALIDATED.mayCancel(false)).isTrue();
		assertThat(OrderStatus.ON_HOLD.mayCancel(false)).isTrue();
		assertThat(OrderStatus.ACCEPTED.mayCancel(false)).isTrue();
		assertThat(OrderStatus.ACCEPTED.mayCancel(true)).isFalse();
		assertThat(OrderStatus.IN_DELIVERY.mayCancel(true)).isFalse();
		assertThat(OrderStatus.REJECTED.mayCancel(false)).isFalse();
		assertThat(OrderStatus.CANCELLED.mayCancel(false)).isFalse();
		assertThat(OrderStatus.DELIVERED.mayCancel(true)).isFalse();
	}
}
