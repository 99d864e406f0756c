package org.leverans.testsupport.hostile;

/**
 * One generated query string: what was done to the valid one ({@code kind} to {@code parameter}) and the query
 * sent, percent-encoded as it goes on the wire.
 */
public record HostileQuery(String kind, String parameter, String query) {

	/** For a failure message: short enough to read, long enough to see what was sent. */
	public String describe() {
		String shown = (this.query.length() > 300) ? this.query.substring(0, 300) + "… (" + this.query.length()
				+ " chars)" : this.query;
		return this.kind + " at '" + this.parameter + "': ?" + shown;
	}
}
