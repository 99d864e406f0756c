package org.leverans.bench.load;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Sends the orders of a {@link Schedule}, each at its due time, without waiting for earlier answers. */
public final class PacedOrders {

	private final GatewayClient client;

	public PacedOrders(GatewayClient client) {
		this.client = client;
	}

	public List<Placement> run(Schedule schedule) throws Exception {
		// A working day a week ahead: beyond every demo agreement's lead time, inside its slots.
		LocalDate date = LocalDate.now().plusDays(7);
		while (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
			date = date.plusDays(1);
		}
		List<CompletableFuture<Placement>> answers = new ArrayList<>(schedule.requests());
		long start = System.nanoTime();
		long nextSignIn = start + TimeUnit.MINUTES.toNanos(2);
		for (int n = 0; n < schedule.requests(); n++) {
			long due = start + schedule.dueNanos(n);
			long wait = due - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			if (System.nanoTime() > nextSignIn) {
				this.client.signIn();
				nextSignIn = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
			}
			answers.add(this.client.placeOrder(n, date, due));
		}
		List<Placement> placements = new ArrayList<>(answers.size());
		for (CompletableFuture<Placement> answer : answers) {
			placements.add(answer.get(60, TimeUnit.SECONDS));
		}
		return placements;
	}
}
