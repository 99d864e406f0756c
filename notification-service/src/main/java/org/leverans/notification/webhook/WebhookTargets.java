package org.leverans.notification.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where Leverans may send a customer's webhooks. A webhook makes our servers call an address someone typed in, so
 * the cloud metadata services and link-local addresses are never reachable that way, and plain http is accepted
 * only for this machine during local development.
 */
final class WebhookTargets {

	private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata",
			"metadata.azure.internal", "instance-data", "instance-data.ec2.internal");

	/** The one metadata address outside the link-local ranges (EC2's IPv6 instance metadata service). */
	private static final InetAddress AWS_IPV6_METADATA = literalAddress("fd00:ec2::254");

	private final boolean localDevelopment;

	/** @param localDevelopment accept http to localhost, as the local platform's receivers are */
	WebhookTargets(boolean localDevelopment) {
		this.localDevelopment = localDevelopment;
	}

	/** Why the URL may not be registered, if it may not: a code and a message for the {@code url} field. */
	Optional<Refusal> refusalOf(URI uri) {
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		String host = hostOf(uri);
		if (host == null || !(scheme.equals("https") || scheme.equals("http")) || !uri.isAbsolute()) {
			return Optional.of(new Refusal("INVALID_URL", "Use an absolute https URL."));
		}
		if (METADATA_HOSTS.contains(host)) {
			return Optional.of(new Refusal("ADDRESS_NOT_ALLOWED", "Cloud metadata services cannot receive webhooks."));
		}
		InetAddress literal = literalAddress(host);
		if (literal != null && forbidden(literal)) {
			return Optional.of(new Refusal("ADDRESS_NOT_ALLOWED",
					"Link-local and metadata addresses cannot receive webhooks."));
		}
		if (scheme.equals("http") && !(this.localDevelopment && isLocalhost(host, literal))) {
			return Optional.of(new Refusal("HTTPS_REQUIRED", this.localDevelopment
					? "Use https; plain http is accepted only for localhost during development."
					: "Use https."));
		}
		return Optional.empty();
	}

	/**
	 * Checked again before every send, on the addresses the name resolves to now: a name registered while it
	 * pointed elsewhere may since point at a forbidden address.
	 */
	boolean mayConnect(URI uri) {
		String host = hostOf(uri);
		if (host == null || refusalOf(uri).isPresent()) {
			return false;
		}
		try {
			for (InetAddress address : InetAddress.getAllByName(host)) {
				if (forbidden(address)) {
					return false;
				}
			}
			return true;
		}
		catch (UnknownHostException ex) {
			// the send fails with its own error; nothing forbidden is reached
			return true;
		}
	}

	static boolean forbidden(InetAddress address) {
		return address.isLinkLocalAddress() || address.isAnyLocalAddress() || address.equals(AWS_IPV6_METADATA);
	}

	private static boolean isLocalhost(String host, InetAddress literal) {
		return host.equals("localhost") || (literal != null && literal.isLoopbackAddress());
	}

	private static String hostOf(URI uri) {
		String host = uri.getHost();
		if (host == null) {
			return null;
		}
		host = host.toLowerCase(Locale.ROOT);
		if (host.startsWith("[") && host.endsWith("]")) {
			host = host.substring(1, host.length() - 1);
		}
		return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
	}

	/** The address when the host is written as an IP literal; never a DNS lookup. */
	private static InetAddress literalAddress(String host) {
		boolean ipv4 = host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
		boolean ipv6 = host.contains(":");
		if (!ipv4 && !ipv6) {
			return null;
		}
		try {
			return InetAddress.getByName(host);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	record Refusal(String code, String message) {
	}
}
