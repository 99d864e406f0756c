package org.leverans.contracts.claim;

/** How much of one order line a claim is about. */
public record ClaimedLine(int lineNo, String sku, int quantity) {
}
