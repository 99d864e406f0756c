package org.leverans.agreement.approval;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param expireAfter how long an order above a limit waits for an agreement manager before it is rejected as
 * APPROVAL_EXPIRED
 * @param checkInterval how often every instance looks for approvals past their time
 */
@ConfigurationProperties("leverans.approvals")
public record ApprovalProperties(@DefaultValue("72h") Duration expireAfter,
		@DefaultValue("1m") Duration checkInterval) {
}
