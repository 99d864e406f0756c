package org.leverans.drill.load;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.leverans.bench.load.GatewayClient;
import org.leverans.bench.load.Placement;

/**
 * One-line orders at a steady rate, open loop as the benchmark's, but with no end set in advance: a fault's phase
 * lasts until the platform has recovered, however long that takes.
 */
public final class OrderLoad {

	/** Numbers the orders of every load of a drill, so each purchase order number is used once. */
	private static final AtomicInteger NEXT = new AtomicInteger();

	private final GatewayClient client;

	private final double rate;

	private final List<CompletableFuture<Placement>> answers = new ArrayList<>();

	private volatile boolean running = true;

	private final Thread sender;

	private OrderLoad(GatewayClient client, double rate) {
		this.client = client;
		this.rate = rate;
		this.sender = Thread.ofPlatform().name("drill-orders").daemon().start(this::send);
	}

	/** Starts offering orders at {@code rate} per second through a client that has signed in. */
	public static OrderLoad start(GatewayClient client, double rate) {
		return new OrderLoad(client, rate);
	}

	private void send() {
		LocalDate date = deliveryDate();
		long start = System.nanoTime();
		for (long n = 0; this.running; n++) {
			long due = start + Math.round(n * 1e9 / this.rate);
			long wait = due - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			if (!this.running) {
				return;
			}
			CompletableFuture<Placement> answer = this.client.placeOrder(NEXT.getAndIncrement(), date, due);
			synchronized (this.answers) {
				this.answers.add(answer);
			}
		}
	}

	/** Stops offering and returns what every order got, once each has been answered or has timed out. */
	public List<Placement> stop() throws InterruptedException {
		this.running = false;
		this.sender.interrupt();
		this.sender.join();
		List<CompletableFuture<Placement>> sent;
		synchronized (this.answers) {
			sent = List.copyOf(this.answers);
		}
		List<Placement> placements = new ArrayList<>(sent.size());
		for (CompletableFuture<Placement> answer : sent) {
			try {
				placements.add(answer.get(60, TimeUnit.SECONDS));
			}
			catch (Exception ex) {
				placements.add(Placement.unanswered(60_000));
			}
		}
		return placements;
	}

	/** A working day a week ahead: beyond every demo agreement's lead time, inside its slots. */
	public static LocalDate deliveryDate() {
		LocalDate date = LocalDate.now().plusDays(7);
		while (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
			date = date.plusDays(1);
		}
		return date;
	}
}
