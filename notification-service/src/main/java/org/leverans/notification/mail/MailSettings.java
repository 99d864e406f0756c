package org.leverans.notification.mail;

import java.time.Duration;
import java.time.ZoneId;

import org.leverans.notification.channel.RetryPolicy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of e-mail notifications, under {@code leverans.mail} (the SMTP server itself is {@code spring.mail.*}).
 *
 * @param enabled whether e-mail is planned and sent at all
 * @param from the sender address
 * @param checkInterval how often an instance plans new e-mails and sends the due ones
 * @param maxAttempts how many times one e-mail is tried before it is marked FAILED
 * @param retryInterval the first wait after a failed attempt; it doubles with each attempt
 * @param defaultTimeZone the time zone delivery times are written in for people whose locale names no country
 * we deliver to (Finnish speakers get Europe/Helsinki, Swedish speakers Europe/Stockholm)
 * @param pagesUrl where people open the pages (the gateway), for links in e-mails
 */
@ConfigurationProperties("leverans.mail")
public record MailSettings(@DefaultValue("true") boolean enabled,
		@DefaultValue("Leverans <no-reply@leverans.example>") String from,
		@DefaultValue("5s") Duration checkInterval, @DefaultValue("5") int maxAttempts,
		@DefaultValue("30s") Duration retryInterval, @DefaultValue("Europe/Helsinki") ZoneId defaultTimeZone,
		@DefaultValue("http://localhost:8080") String pagesUrl) {

	/** Waits that double from {@code retryInterval}, {@code maxAttempts} tries in all. */
	RetryPolicy retryPolicy() {
		return RetryPolicy.doubling(this.retryInterval, this.maxAttempts);
	}
}
