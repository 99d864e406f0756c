package org.leverans.gateway.problem;

/**
 * How long the gateway's 502, 503 and 504 answers tell a client to wait before trying again. The setting lives
 * with the overload limits ({@code leverans.overload.retry-after}); the problem writer only asks for it, so writing
 * problems does not depend on the feature that refuses requests.
 */
public interface RetryAfter {

	/** Whole seconds, never 0. */
	long retryAfterSeconds();

}
