package org.leverans.delivery.feedback;

import java.time.Instant;

/** A receiver's rating as stored: what they said and when they last said it. */
record Rating(boolean onTime, boolean unloadedFine, String comment, Instant ratedAt) {
}
