package org.leverans.notification.mail;

/** A rendered e-mail, plain text. */
record MailMessage(String subject, String body) {
}
