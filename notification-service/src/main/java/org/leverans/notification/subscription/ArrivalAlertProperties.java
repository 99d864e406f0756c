package org.leverans.notification.subscription;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the "arriving soon" alerts, under {@code leverans.arrival-alerts}.
 *
 * @param leadTime how long before the current delivery window starts the shared alert (webhooks, and the live
 * stream of those without a lead time of their own) goes out, and each person's e-mail when neither they nor their
 * site chose a lead time
 * @param minLeadTime the shortest lead time a person or site may choose
 * @param maxLeadTime the longest
 * @param checkInterval how often an instance looks for alerts that are due
 * @param batchSize how many due alerts one check sends at most
 */
@ConfigurationProperties("leverans.arrival-alerts")
public record ArrivalAlertProperties(@DefaultValue("30m") Duration leadTime, @DefaultValue("5m") Duration minLeadTime,
		@DefaultValue("240m") Duration maxLeadTime, @DefaultValue("15s") Duration checkInterval,
		@DefaultValue("100") int batchSize) {
}
