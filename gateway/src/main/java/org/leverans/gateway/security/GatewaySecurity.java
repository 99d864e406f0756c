package org.leverans.gateway.security;

import java.net.URI;
import java.util.List;

import reactor.core.publisher.Mono;

import org.leverans.gateway.ApiPaths;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.server.WebSession;

/**
 * Who may pass the gateway: API clients with a JWT from the auth-server, browsers with a session from OAuth2
 * login. Everything under /api needs one of the two; pages, sign-in and health are open; the other actuator
 * endpoints (the Prometheus scrape) need the ADMIN role.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurity {

	static final String SIGN_IN_PATH = "/oauth2/authorization/leverans";

	/**
	 * The pages load scripts, styles and data from the gateway alone (no inline code, no CDN), so anything else that
	 * gets into a page (an injected script or style) does not run. {@code frame-ancestors} keeps other sites from
	 * framing a page to trick a click; the favicon is a {@code data:} URL.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
			+ "base-uri 'self'; frame-ancestors 'none'";

	/**
	 * Spring Security would observe every filter of every request: a measurable share of each request's CPU that tells
	 * an operator nothing the request's own observation does not. The services leave it out the same way.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/** Spring Security's firewall, as strict, with the header checks that pass plain text at once ({@link HeaderText}). */
	@Bean
	ServerWebExchangeFirewall firewall() {
		return HeaderText.firewall();
	}

	/** The token decoder remembers the tokens it verified ({@link VerifiedTokens}). */
	@Bean
	static BeanPostProcessor verifiedTokens() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof VerifiedTokens))
						? new VerifiedTokens(decoder) : bean;
			}
		};
	}

	/**
	 * A signed-in person's access and refresh tokens are kept in their browser session, like the rest of the sign-in,
	 * so any gateway instance can relay them (Boot's default keeps them in one instance's memory).
	 */
	@Bean
	ServerOAuth2AuthorizedClientRepository authorizedClients() {
		return new WebSessionServerOAuth2AuthorizedClientRepository();
	}

	@Bean
	SecurityWebFilterChain gatewaySecurityChain(ServerHttpSecurity http, SecurityProblems problems,
			ReactiveClientRegistrationRepository clients) {
		http.authorizeExchange((exchanges) -> exchanges
			.pathMatchers("/", "/index.html", "/assets/**", "/favicon.ico").permitAll()
			.pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
			.pathMatchers("/login/**", "/oauth2/**").permitAll()
			.pathMatchers("/actuator/**").access(new AdminOnly())
			.anyExchange().authenticated());
		http.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults())
			.authenticationEntryPoint(problems)
			.accessDeniedHandler(problems));
		http.oauth2Login(Customizer.withDefaults());
		http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint(problems))
			.accessDeniedHandler(problems));
		http.csrf((csrf) -> csrf.csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
			// Pages read the cookie and send it back as X-XSRF-TOKEN, so the plain (not XOR-masked) token is
			// expected.
			.csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
			.requireCsrfProtectionMatcher(unsafeRequestInBrowserSession())
			.accessDeniedHandler(problems));
		http.headers((headers) -> headers
			.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			// Spring Security's defaults, named here because the pages rely on them: browsers that predate
			// frame-ancestors, and no guessing of a script from a JSON or text answer.
			.frameOptions((frames) -> frames.mode(Mode.DENY))
			.contentTypeOptions(Customizer.withDefaults())
			// Page addresses carry order and invoice ids; other sites get no referrer at all.
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		http.logout((logout) -> logout.logoutSuccessHandler(rpInitiatedLogout(clients)));
		return http.build();
	}

	/** API paths answer 401 problem details; pages send the person to sign in. */
	private static DelegatingServerAuthenticationEntryPoint entryPoint(SecurityProblems problems) {
		DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
				List.of(new DelegateEntry((exchange) -> ApiPaths.isApi(exchange.getRequest())
						? MatchResult.match() : MatchResult.notMatch(), problems)));
		entryPoint.setDefaultEntryPoint(new RedirectServerAuthenticationEntryPoint(SIGN_IN_PATH));
		return entryPoint;
	}

	/**
	 * CSRF abuses a browser's ambient credentials, which here is only the session cookie. A call that carries its
	 * own bearer token, or has no session at all, cannot be forged that way; such an API call that lacks a token
	 * then gets a clear 401 instead of a CSRF 403.
	 */
	private static ServerWebExchangeMatcher unsafeRequestInBrowserSession() {
		return (exchange) -> CsrfWebFilter.DEFAULT_CSRF_MATCHER.matches(exchange)
			.filter(MatchResult::isMatch)
			.filter((unsafe) -> !hasBearerToken(exchange.getRequest()))
			.flatMap((unsafe) -> exchange.getSession())
			.filter(WebSession::isStarted)
			.flatMap((session) -> MatchResult.match())
			.switchIfEmpty(Mono.defer(MatchResult::notMatch));
	}

	static boolean hasBearerToken(ServerHttpRequest request) {
		String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
	}

	/** Signs out at the auth-server too (OIDC RP-initiated logout), which then sends the browser back to /. */
	private static OidcClientInitiatedServerLogoutSuccessHandler rpInitiatedLogout(
			ReactiveClientRegistrationRepository clients) {
		OidcClientInitiatedServerLogoutSuccessHandler handler = new OidcClientInitiatedServerLogoutSuccessHandler(
				clients);
		handler.setPostLogoutRedirectUri("{baseUrl}/");
		handler.setLogoutSuccessUrl(URI.create("/"));
		return handler;
	}

}
