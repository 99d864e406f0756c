package org.leverans.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Spring Security only creates the CSRF token when something asks for it; pages need the XSRF-TOKEN cookie before
 * their first unsafe call, so browser requests ask for it here. Bearer-token calls need no cookie.
 */
@Component
@Order(AfterSecurity.ORDER)
class CsrfCookieWebFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
		if (token == null || GatewaySecurity.hasBearerToken(exchange.getRequest())) {
			return chain.filter(exchange);
		}
		return token.then(chain.filter(exchange));
	}

}
