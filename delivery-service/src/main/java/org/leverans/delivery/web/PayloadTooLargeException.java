package org.leverans.delivery.web;

/** The request carries more than the endpoint takes at once. */
public class PayloadTooLargeException extends RuntimeException {

	public PayloadTooLargeException(String message) {
		super(message);
	}
}
