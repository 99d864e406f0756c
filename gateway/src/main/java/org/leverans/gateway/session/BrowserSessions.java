package org.leverans.gateway.session;

import java.time.Duration;

import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.annotation.web.server.EnableSpringWebSession;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Browser sessions (the signed-in person's security context and tokens, and a sign-in in progress) live in the
 * gateway's own database, in Spring Session's tables, not in one instance's memory: any gateway instance serves any
 * browser, and a restart signs nobody out. The session cookie ({@code server.reactive.session.cookie.*}, Boot's
 * {@code WebSessionIdResolver}) and the idle timeout ({@code server.reactive.session.timeout}) are configured as
 * before.
 * <p>
 * Spring Session stores sessions in a database only through blocking JDBC; {@link OffEventLoopSessions} keeps those
 * calls off the event loop.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringWebSession
class BrowserSessions {

	/** A bean, so that the library's cleanup job (every minute, deleting expired sessions) is started and stopped. */
	@Bean
	JdbcIndexedSessionRepository sessionTable(JdbcOperations jdbc, PlatformTransactionManager transactions,
			ServerProperties server) {
		return sessionTable(jdbc, transactions, server.getReactive().getSession().getTimeout());
	}

	@Bean
	ReactiveSessionRepository<? extends Session> reactiveSessionRepository(JdbcIndexedSessionRepository table) {
		return new OffEventLoopSessions<>(table);
	}

	/** The session table as every gateway instance uses it. */
	static JdbcIndexedSessionRepository sessionTable(JdbcOperations jdbc, PlatformTransactionManager transactions,
			Duration maxIdle) {
		TransactionTemplate ownTransaction = new TransactionTemplate(transactions);
		ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		JdbcIndexedSessionRepository table = new JdbcIndexedSessionRepository(jdbc, ownTransaction);
		table.setDefaultMaxInactiveInterval(maxIdle);
		table.setConversionService(javaSerialization(BrowserSessions.class.getClassLoader()));
		// Two requests of one browser on two instances may set the same attribute at once: an upsert, not a
		// duplicate key.
		new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(table);
		return table;
	}

	/**
	 * Attributes are Java-serialized, as Spring Security's session objects are meant to be; read back with this
	 * application's class loader, which sees the jars packed inside the executable jar.
	 */
	private static GenericConversionService javaSerialization(ClassLoader classLoader) {
		GenericConversionService conversions = new GenericConversionService();
		conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
		conversions.addConverter(byte[].class, Object.class, new DeserializingConverter(classLoader));
		return conversions;
	}

}
