package org.leverans.gateway.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leverans.testsupport.infrastructure.TestInfrastructure;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.server.WebSessionOAuth2ServerAuthorizationRequestRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.server.session.SpringSessionWebSessionStore;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway instances on one database, each with its own session table object as {@link BrowserSessions} makes it,
 * and Spring Security reading and writing the sessions as it does in a request.
 */
class BrowserSessionsIntegrationTest {

	private static final Duration MAX_IDLE = Duration.ofMinutes(30);

	private static DriverManagerDataSource database;

	private final List<JdbcIndexedSessionRepository> tables = List.of(table(), table());

	private final SpringSessionWebSessionStore<?> first = new SpringSessionWebSessionStore<>(
			new OffEventLoopSessions<>(this.tables.get(0)));

	private final SpringSessionWebSessionStore<?> second = new SpringSessionWebSessionStore<>(
			new OffEventLoopSessions<>(this.tables.get(1)));

	private final ClientRegistration leverans = ClientRegistration.withRegistrationId("leverans")
		.clientId("leverans-web")
		.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
		.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
		.authorizationUri("http://localhost:9000/oauth2/authorize")
		.tokenUri("http://localhost:9000/oauth2/token")
		.build();

	@BeforeAll
	static void migrate() {
		database = new DriverManagerDataSource(TestInfrastructure.newDatabase("gateway_sessions"), "postgres",
				"postgres");
		Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
	}

	@BeforeEach
	void startCleanupJobs() {
		this.tables.forEach(JdbcIndexedSessionRepository::afterPropertiesSet);
	}

	@AfterEach
	void stopCleanupJobs() {
		this.tables.forEach(JdbcIndexedSessionRepository::destroy);
	}

	@Test
	void findsASignedInSessionSavedByOneInstanceWithItsSecurityContextAndTokensOnAnother() {
		WebSession session = this.first.createWebSession().block();
		ServerWebExchange onFirst = exchange("/", session);
		OAuth2AuthenticationToken anna = signedIn("anna", "Anna Virtanen");
		new WebSessionServerSecurityContextRepository().save(onFirst, new SecurityContextImpl(anna)).block();
		Instant now = Instant.now();
		OAuth2AuthorizedClient tokens = new OAuth2AuthorizedClient(this.leverans, "anna",
				new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-of-anna", now, now.plusSeconds(300)),
				new OAuth2RefreshToken("refresh-of-anna", now));
		new WebSessionServerOAuth2AuthorizedClientRepository().saveAuthorizedClient(tokens, anna, onFirst).block();
		session.save().block();

		WebSession found = this.second.retrieveSession(session.getId()).block();

		assertThat(found).as("the session on the second instance").isNotNull();
		ServerWebExchange onSecond = exchange("/api/me", found);
		SecurityContext context = new WebSessionServerSecurityContextRepository().load(onSecond).block();
		assertThat(context).isNotNull();
		Authentication authentication = context.getAuthentication();
		assertThat(authentication.getName()).isEqualTo("anna");
		assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly("ROLE_ORDERER");
		assertThat(((OidcUser) authentication.getPrincipal()).getFullName()).isEqualTo("Anna Virtanen");
		OAuth2AuthorizedClient relayed = new WebSessionServerOAuth2AuthorizedClientRepository()
			.<OAuth2AuthorizedClient>loadAuthorizedClient("leverans", authentication, onSecond)
			.block();
		assertThat(relayed).as("the tokens the second instance relays").isNotNull();
		assertThat(relayed.getAccessToken().getTokenValue()).isEqualTo("access-of-anna");
		assertThat(relayed.getRefreshToken().getTokenValue()).isEqualTo("refresh-of-anna");
		assertThat(relayed.getClientRegistration().getClientId()).isEqualTo("leverans-web");
	}

	@Test
	void completesOnOneInstanceASignInStartedOnAnother() {
		WebSession session = this.first.createWebSession().block();
		OAuth2AuthorizationRequest started = OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri("http://localhost:9000/oauth2/authorize")
			.clientId("leverans-web")
			.redirectUri("http://localhost:8080/login/oauth2/code/leverans")
			.scopes(Set.of("openid", "profile"))
			.state("state-of-the-sign-in")
			.attributes((attributes) -> attributes.putAll(Map.of("registration_id", "leverans",
					PkceParameterNames.CODE_VERIFIER, "verifier-of-the-sign-in")))
			.build();
		new WebSessionOAuth2ServerAuthorizationRequestRepository()
			.saveAuthorizationRequest(started, exchange("/oauth2/authorization/leverans", session))
			.block();
		session.save().block();

		WebSession found = this.second.retrieveSession(session.getId()).block();

		assertThat(found).isNotNull();
		OAuth2AuthorizationRequest completed = new WebSessionOAuth2ServerAuthorizationRequestRepository()
			.loadAuthorizationRequest(
					exchange("/login/oauth2/code/leverans?code=the-code&state=state-of-the-sign-in", found))
			.block();
		assertThat(completed).as("the sign-in in progress").isNotNull();
		assertThat(completed.getRedirectUri()).isEqualTo("http://localhost:8080/login/oauth2/code/leverans");
		assertThat((String) completed.getAttribute(PkceParameterNames.CODE_VERIFIER))
			.isEqualTo("verifier-of-the-sign-in");
	}

	@Test
	void findsNoSessionIdleForLongerThanItsTimeout() {
		String expired = sessionLastSeen(MAX_IDLE.plusMinutes(1));
		String fresh = sessionLastSeen(MAX_IDLE.minusMinutes(1));

		assertThat(this.second.retrieveSession(expired).blockOptional()).as("the expired session").isEmpty();
		assertThat(this.second.retrieveSession(fresh).blockOptional()).as("the fresh session").isPresent();
	}

	@Test
	void deletesExpiredSessionsInTheCleanupJob() {
		String expired = sessionLastSeen(MAX_IDLE.plusMinutes(1));
		String fresh = sessionLastSeen(MAX_IDLE.minusMinutes(1));

		this.tables.get(1).cleanUpExpiredSessions();

		assertThat(rowsOf(expired)).as("rows of the expired session").isZero();
		assertThat(rowsOf(fresh)).as("rows of the fresh session").isOne();
	}

	/** A session of the first instance, with what a sign-in leaves in it, last used {@code ago}. */
	private String sessionLastSeen(Duration ago) {
		SpringSessionWebSessionStore<?> store = new SpringSessionWebSessionStore<>(
				new OffEventLoopSessions<>(this.tables.get(0)));
		store.setClock(Clock.offset(Clock.systemUTC(), ago.negated()));
		WebSession session = store.createWebSession().block();
		new WebSessionServerSecurityContextRepository()
			.save(exchange("/", session), new SecurityContextImpl(signedIn("anna", "Anna Virtanen")))
			.block();
		store.updateLastAccessTime(session).block();
		session.save().block();
		return session.getId();
	}

	private OAuth2AuthenticationToken signedIn(String username, String name) {
		Instant now = Instant.now();
		List<SimpleGrantedAuthority> authorities = List.of(new SimpleGrantedAuthority("ROLE_ORDERER"));
		OidcIdToken idToken = OidcIdToken.withTokenValue("id-token-of-" + username)
			.subject(username)
			.claim("name", name)
			.issuedAt(now)
			.expiresAt(now.plusSeconds(300))
			.build();
		return new OAuth2AuthenticationToken(new DefaultOidcUser(authorities, idToken, "sub"), authorities,
				"leverans");
	}

	private static ServerWebExchange exchange(String path, WebSession session) {
		return MockServerWebExchange.builder(MockServerHttpRequest.get(path)).session(session).build();
	}

	private static int rowsOf(String sessionId) {
		return new JdbcTemplate(database).queryForObject("SELECT count(*) FROM spring_session WHERE session_id = ?",
				Integer.class, sessionId);
	}

	private static JdbcIndexedSessionRepository table() {
		return BrowserSessions.sessionTable(new JdbcTemplate(database), new JdbcTransactionManager(database),
				MAX_IDLE);
	}

}
