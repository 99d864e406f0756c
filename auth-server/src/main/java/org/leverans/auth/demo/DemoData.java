package org.leverans.auth.demo;

import java.util.List;
import java.util.UUID;

import org.leverans.auth.AuthProperties;
import org.leverans.auth.clients.ClientClaims;
import org.leverans.auth.clients.ClientClaimsRepository;
import org.leverans.auth.users.UserAccount;
import org.leverans.auth.users.UserAccounts;
import org.leverans.contracts.TokenClaims.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo users and clients of docs/development.md, loaded at start-up under the {@code demo} profile. Loading is
 * an upsert keyed by username and client id, so a restart (or several instances starting at once) neither fails
 * nor duplicates, and the web client's redirect URIs follow the current configuration.
 */
@Component
@Profile("demo")
public class DemoData implements ApplicationRunner {

	public static final UUID RAKENNUS_OY = UUID.fromString("11111111-1111-1111-1111-111111111111");

	public static final UUID SITE_JATKASAARI = UUID.fromString("11111111-0000-0000-0000-000000000001");

	public static final UUID BYGG_AB = UUID.fromString("22222222-2222-2222-2222-222222222222");

	public static final UUID KIVI_JA_LAATTA = UUID.fromString("33333333-3333-3333-3333-333333333333");

	public static final String WEB_CLIENT_ID = "leverans-web";

	private static final String USER_PASSWORD = "demo";

	private static final String CLIENT_SECRET = "demo-secret";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final UserAccounts users;

	private final RegisteredClientRepository registeredClients;

	private final ClientClaimsRepository clientClaims;

	private final PasswordEncoder passwordEncoder;

	private final TransactionTemplate transaction;

	private final AuthProperties properties;

	public DemoData(UserAccounts users, RegisteredClientRepository registeredClients,
			ClientClaimsRepository clientClaims, PasswordEncoder passwordEncoder, TransactionTemplate transaction,
			AuthProperties properties) {
		this.users = users;
		this.registeredClients = registeredClients;
		this.clientClaims = clientClaims;
		this.passwordEncoder = passwordEncoder;
		this.transaction = transaction;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		load();
	}

	public void load() {
		// bcrypt is slow on purpose; hash once, not once per user
		String password = this.passwordEncoder.encode(USER_PASSWORD);
		this.transaction.executeWithoutResult(status -> {
			user("anna", password, "Anna Virtanen", "anna@rakennus.example", "fi", Roles.ORDERER, RAKENNUS_OY);
			user("liisa", password, "Liisa Korhonen", "liisa@rakennus.example", "fi", Roles.AGREEMENT_MANAGER,
					RAKENNUS_OY);
			this.users.save(new UserAccount("mikko", password, "Mikko Nieminen", "mikko@rakennus.example", "fi",
					List.of(Roles.RECEIVER), RAKENNUS_OY, List.of(SITE_JATKASAARI), true));
			user("erik", password, "Erik Lindqvist", "erik@bygg.example", "sv", Roles.ORDERER, BYGG_AB);
			user("kalle", password, "Kalle Mäkinen", "kalle@kivilaatta.example", "fi", Roles.ORDERER, KIVI_JA_LAATTA);
			user("sara", password, "Sara Holm", "sara@supplier.example", "en", Roles.CUSTOMER_SERVICE, null);
			user("admin", password, "Supplier Admin", "admin@supplier.example", "en", Roles.ADMIN, null);
		});
		machineClient("rakennus-erp", "Rakennus Oy ERP", Roles.ORDERER, RAKENNUS_OY, null);
		machineClient("bygg-erp", "Bygg AB ERP", Roles.ORDERER, BYGG_AB, null);
		machineClient("kivi-erp", "Kivi & Laatta Oy ERP", Roles.ORDERER, KIVI_JA_LAATTA, null);
		machineClient("nordic-freight", "Nordic Freight", Roles.CARRIER, null, "nordic-freight");
		machineClient("baltic-haulage", "Baltic Haulage", Roles.CARRIER, null, "baltic-haulage");
		machineClient("support-desk", "Customer service desk", Roles.CUSTOMER_SERVICE, null, null);
		machineClient("supplier-erp", "Supplier back-office ERP", Roles.ADMIN, null, null);
		webClient();
		log.info("Demo users and clients loaded");
	}

	private void user(String username, String password, String name, String email, String locale, String role,
			UUID customerId) {
		this.users.save(new UserAccount(username, password, name, email, locale, List.of(role), customerId, List.of(),
				true));
	}

	private void machineClient(String clientId, String name, String role, UUID customerId,
			String carrier) {
		RegisteredClient client = RegisteredClient.withId(clientId)
			.clientId(clientId)
			.clientName(name)
			.clientSecret(secret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenSettings(TokenSettings.builder()
				.accessTokenTimeToLive(this.properties.accessTokenTimeToLive())
				.build())
			.build();
		save(client, new ClientClaims(clientId, List.of(role), customerId, carrier));
	}

	private void webClient() {
		AuthProperties.WebClient web = this.properties.webClient();
		RegisteredClient client = RegisteredClient.withId(WEB_CLIENT_ID)
			.clientId(WEB_CLIENT_ID)
			.clientName("Leverans web")
			.clientSecret(secret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.redirectUris(uris -> uris.addAll(web.redirectUris()))
			.postLogoutRedirectUris(uris -> uris.addAll(web.postLogoutRedirectUris()))
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.PROFILE)
			.scope(OidcScopes.EMAIL)
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			.tokenSettings(TokenSettings.builder()
				.accessTokenTimeToLive(this.properties.accessTokenTimeToLive())
				.refreshTokenTimeToLive(this.properties.refreshTokenTimeToLive())
				.reuseRefreshTokens(false)
				.build())
			.build();
		save(client, null);
	}

	/** Each client gets its own hash: the repository refuses two clients with the same stored secret. */
	private String secret() {
		return this.passwordEncoder.encode(CLIENT_SECRET);
	}

	/** Insert or update; an instance starting at the same time may insert the same client first. */
	private void save(RegisteredClient client, ClientClaims claims) {
		try {
			saveInTransaction(client, claims);
		}
		catch (DuplicateKeyException raced) {
			saveInTransaction(client, claims);
		}
	}

	private void saveInTransaction(RegisteredClient client, ClientClaims claims) {
		this.transaction.executeWithoutResult(status -> {
			this.registeredClients.save(client);
			if (claims != null) {
				this.clientClaims.save(claims);
			}
		});
	}
}
