package org.leverans.testsupport.security;

import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

/**
 * A MockMvc request authenticated as a {@link TestCaller}, with no token to sign or decode: the JWT's claims as the
 * auth-server issues them, and its roles mapped to {@code ROLE_<role>} authorities as every service maps them.
 *
 * <pre>
 * mvc.perform(get("/api/orders").with(TestJwts.jwt(TestCaller.orderer("anna", DemoIds.RAKENNUS))));
 * </pre>
 */
public final class TestJwts {

	private TestJwts() {
	}

	public static JwtRequestPostProcessor jwt(TestCaller caller) {
		List<GrantedAuthority> authorities = caller.roles()
			.stream()
			.<GrantedAuthority>map((role) -> new SimpleGrantedAuthority("ROLE_" + role))
			.toList();
		return SecurityMockMvcRequestPostProcessors.jwt().jwt((token) -> {
			token.subject(caller.subject());
			caller.claims().forEach(token::claim);
		}).authorities(authorities);
	}
}
