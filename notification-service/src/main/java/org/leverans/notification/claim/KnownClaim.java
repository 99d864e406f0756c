package org.leverans.notification.claim;

import java.util.UUID;

/** What a claim's filing said that its decision does not repeat. */
record KnownClaim(UUID shipmentId, String reason, String filedBy) {
}
