package org.leverans.order.quote;

/** agreement-service could not give a quote: unreachable, too slow, or answering with an error. */
public class QuoteUnavailableException extends RuntimeException {

	public QuoteUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}
}
