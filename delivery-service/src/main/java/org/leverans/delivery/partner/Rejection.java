package org.leverans.delivery.partner;

/** Why one event of a batch was not accepted; the others are unaffected. */
record Rejection(int index, String eventId, String code, String message) {
}
