package org.leverans.credit.decision;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How unpaid invoices weigh on new orders, under {@code leverans.credit.receivables}.
 *
 * @param holdAfter a customer with an invoice unpaid this long after its due date has its new orders held for
 * review ({@code OVERDUE_INVOICES})
 */
@ConfigurationProperties("leverans.credit.receivables")
public record ReceivableProperties(@DefaultValue("14d") Duration holdAfter) {
}
