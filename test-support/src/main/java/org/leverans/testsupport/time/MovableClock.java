package org.leverans.testsupport.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test moves forward, so it can live through a delivery day or a cache's lifetime in milliseconds. It either
 * runs with real time from an offset ({@link #runningNow()}: timestamps still agree with Kafka and PostgreSQL) or
 * stands still at a chosen instant ({@link #standingAt(Instant)}: exact ages). Services take it as their
 * {@link Clock} bean.
 */
public final class MovableClock extends Clock {

	private final Clock base;

	private volatile Duration offset = Duration.ZERO;

	private MovableClock(Clock base) {
		this.base = base;
	}

	/** Real time, until the test moves it. */
	public static MovableClock runningNow() {
		return new MovableClock(Clock.systemUTC());
	}

	/** Stands at {@code instant} until the test moves it. */
	public static MovableClock standingAt(Instant instant) {
		return new MovableClock(Clock.fixed(instant, ZoneOffset.UTC));
	}

	public void advance(Duration by) {
		this.offset = this.offset.plus(by);
	}

	/** Back to where it started: real time, or the instant it stood at. */
	public void reset() {
		this.offset = Duration.ZERO;
	}

	@Override
	public Instant instant() {
		return this.base.instant().plus(this.offset);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}
}
