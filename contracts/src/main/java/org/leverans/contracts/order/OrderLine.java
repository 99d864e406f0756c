package org.leverans.contracts.order;

import java.util.UUID;

/** An order line as the orderer asked for it, before pricing. */
public record OrderLine(int lineNo, String sku, int quantity, String packageSize, UUID siteId) {
}
