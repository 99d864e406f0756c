package org.leverans.testsupport.infrastructure;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts the statements one transaction sends PostgreSQL, those written as it commits included, by standing in for
 * its connection: every JdbcTemplate and JdbcClient statement is prepared on the connection the transaction holds.
 */
public final class CountedStatements {

	private static final Set<String> STATEMENTS = Set.of("prepareStatement", "createStatement", "prepareCall");

	private CountedStatements() {
	}

	public static int of(TransactionTemplate transactions, DataSource dataSource, Runnable work) {
		AtomicInteger statements = new AtomicInteger();
		transactions.executeWithoutResult(status -> {
			ConnectionHolder held = (ConnectionHolder) TransactionSynchronizationManager.unbindResource(dataSource);
			Connection connection = held.getConnection();
			Connection counted = (Connection) Proxy.newProxyInstance(CountedStatements.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						if (STATEMENTS.contains(method.getName())) {
							statements.incrementAndGet();
						}
						try {
							return method.invoke(connection, args);
						}
						catch (InvocationTargetException failure) {
							throw failure.getCause();
						}
					});
			// The manager commits and releases the connection it holds itself; this holder only lends it out, and
			// is unbound with the transaction.
			ConnectionHolder counting = new ConnectionHolder(counted, true);
			counting.setSynchronizedWithTransaction(true);
			TransactionSynchronizationManager.bindResource(dataSource, counting);
			work.run();
		});
		return statements.get();
	}
}
