package org.leverans.agreement.approval;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param expireAfter how long an order above a limit waits for an agreement manager ({@code expiresAt})
 */
@ConfigurationProperties("leverans.approvals")
public record ApprovalProperties(@DefaultValue("72h") Duration expireAfter) {
}
