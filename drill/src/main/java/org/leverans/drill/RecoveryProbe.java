package org.leverans.drill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.leverans.bench.load.GatewayClient;
import org.leverans.bench.load.Placement;
import org.leverans.drill.load.OrderLoad;
import org.leverans.drill.measure.DrillDatabase;

/**
 * When the platform has recovered from a restart, as a buyer sees it: an order placed after the restart has been
 * accepted. Places one order after another until one is taken, and follows it in order-service's database.
 */
final class RecoveryProbe {

	private static final AtomicInteger NEXT = new AtomicInteger(1_000_000);

	private static final Set<String> UNDECIDED = Set.of("PLACED", "VALIDATED");

	private final GatewayClient buyer;

	private final DrillDatabase database;

	RecoveryProbe(GatewayClient buyer, DrillDatabase database) {
		this.buyer = buyer;
		this.database = database;
	}

	/**
	 * @param orders every order the probe placed (each must be decided like any other)
	 * @param took from the restart to the acceptance, or empty if none came within the limit
	 */
	record Recovery(List<UUID> orders, Optional<Duration> took) {
	}

	/**
	 * @param since {@link System#nanoTime()} when the restart began: the recovery time counts from then
	 * @param limit the longest wait from now, once the component is back: how long its restart took on a busy
	 * machine must not decide whether the platform recovered
	 */
	Recovery awaitAcceptedOrder(long since, Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		List<UUID> placed = new ArrayList<>();
		while (System.nanoTime() < deadline) {
			Placement placement = place();
			if (!placement.placed()) {
				Thread.sleep(500);
				continue;
			}
			placed.add(placement.orderId());
			String status = "PLACED";
			while (System.nanoTime() < deadline && UNDECIDED.contains(status)) {
				Thread.sleep(200);
				status = statusOf(placement.orderId());
			}
			if ("ACCEPTED".equals(status)) {
				return new Recovery(placed, Optional.of(Duration.ofNanos(System.nanoTime() - since)));
			}
		}
		return new Recovery(placed, Optional.empty());
	}

	private Placement place() throws InterruptedException {
		try {
			return this.buyer.placeOrder(NEXT.getAndIncrement(), OrderLoad.deliveryDate(), System.nanoTime())
				.get(40, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			throw ex;
		}
		catch (Exception ex) {
			return Placement.unanswered(0);
		}
	}

	private String statusOf(UUID order) {
		try {
			Map<UUID, String> statuses = this.database.statuses(List.of(order));
			return statuses.getOrDefault(order, "PLACED");
		}
		catch (Exception ex) {
			return "PLACED";
		}
	}

}
