package org.leverans.gateway.security;

/** Web filters that need the caller's verified identity run right after Spring Security's filter chain. */
public final class AfterSecurity {

	/** Spring Security's WebFilterChainProxy is ordered at -100 (WebFluxSecurityConfiguration). */
	public static final int ORDER = -100 + 1;

	private AfterSecurity() {
	}

}
