package org.leverans.delivery.window;

import java.time.Duration;

/**
 * One thing the carrier promised before a delivery, against what happened: how far the actual arrival fell from the
 * start ({@code fromError}) and the end ({@code toError}) of what was expected. An ETA is a point, so both are actual
 * minus ETA; a planned slot gives actual minus slot start and actual minus slot end. Positive is late.
 */
public record ArrivalSample(HorizonBand band, Duration fromError, Duration toError) {
}
