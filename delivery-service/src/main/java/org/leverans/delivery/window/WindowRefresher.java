package org.leverans.delivery.window;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.contracts.shipment.DeliveryWindowChanged;
import org.leverans.delivery.shipment.Shipment;
import org.leverans.delivery.shipment.Shipments;
import org.leverans.messaging.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Redraws the windows of shipments on their way as time passes: a window around an ETA five hours away is wide, the
 * same ETA twenty minutes away deserves a narrow one, even if the carrier has said nothing new. Buyers hear of it
 * when the window moves by more than the threshold.
 */
@Component
public class WindowRefresher implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(WindowRefresher.class);

	// An ETA long past without a delivery says nothing more about the arrival; the window stays as last drawn.
	private static final Duration STALE_ETA = Duration.ofHours(2);

	private static final int BATCH = 500;

	private final Shipments shipments;

	private final DeliveryWindowPolicy policy;

	private final ArrivalHistory arrivals;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration interval;

	private volatile ScheduledExecutorService executor;

	WindowRefresher(Shipments shipments, DeliveryWindowPolicy policy, ArrivalHistory arrivals, Outbox outbox,
			PlatformTransactionManager transactionManager, Clock clock, WindowProperties properties) {
		this.shipments = shipments;
		this.policy = policy;
		this.arrivals = arrivals;
		this.outbox = outbox;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.interval = properties.refreshInterval();
	}

	/** @return how many windows were redrawn */
	public int refresh() {
		Integer redrawn = this.transactions.execute(status -> {
			Instant now = this.clock.instant();
			int count = 0;
			for (Shipment shipment : this.shipments.lockOpenWithEta(now.minus(STALE_ETA), BATCH)) {
				DeliveryWindow window = this.policy.current(WindowEvidence.of(shipment),
						this.arrivals.calibrationOf(shipment.carrier()), now);
				if (DeliveryWindowPolicy.sameWindow(window, shipment.window())) {
					continue;
				}
				Shipment after = shipment.withProgress(shipment.status(), shipment.statusOccurredAt(), shipment.eta(),
						shipment.etaOccurredAt(), shipment.latestEventAt(), shipment.deliveredAt(),
						shipment.proofOfDelivery(), window);
				this.shipments.update(after);
				this.shipments.recordWindow(after.id(), window);
				if (this.policy.movedNotably(shipment.window(), window)) {
					this.outbox.publish(after.orderId(), after.id(),
							new DeliveryWindowChanged(after.id(), after.orderId(), after.customerId(), after.siteId(),
									after.status().name(), window, shipment.window()));
				}
				count++;
			}
			return count;
		});
		return (redrawn != null) ? redrawn : 0;
	}

	private void refreshSafely() {
		try {
			refresh();
		}
		catch (RuntimeException ex) {
			// The database is away for a moment; the next pass tries again.
			logger.warn("Window refresh failed, will retry: {}", ex.getMessage());
		}
	}

	@Override
	public void start() {
		if (this.interval.isZero() || this.interval.isNegative()) {
			return;
		}
		this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "window-refresher");
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.interval.toMillis();
		this.executor.scheduleWithFixedDelay(this::refreshSafely, millis, millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		ScheduledExecutorService current = this.executor;
		this.executor = null;
		if (current != null) {
			current.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}
}
