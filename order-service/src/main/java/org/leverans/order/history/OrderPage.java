package org.leverans.order.history;

import java.util.List;

/** A page of orders, newest first. */
public record OrderPage(List<OrderSummary> items, int page, int size, long total) {
}
