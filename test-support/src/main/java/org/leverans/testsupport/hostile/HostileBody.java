package org.leverans.testsupport.hostile;

/**
 * One generated request body: what was done to the valid body ({@code kind} at {@code pointer}, a JSON Pointer) and
 * the JSON text sent. {@code json} may be deliberately malformed.
 */
public record HostileBody(String kind, String pointer, String json) {

	/** For a failure message: short enough to read, long enough to see what was sent. */
	public String describe() {
		String shown = (this.json.length() > 300) ? this.json.substring(0, 300) + "… (" + this.json.length() + " chars)"
				: this.json;
		return this.kind + " at '" + this.pointer + "': " + shown.replace("\u0000", "\\u0000");
	}
}
