package org.leverans.messaging;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

import org.apache.kafka.common.errors.RetriableException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells failures that will pass by themselves (the database restarting, a connection pool exhausted, a lock
 * conflict, a dependency briefly unreachable) from records that can never succeed. A record that failed
 * transiently is retried until it succeeds; sending it to a dead-letter topic would lose work that is perfectly
 * good, just early.
 */
public final class TransientFailures {

	/**
	 * SQLSTATE classes and codes of failures that are about the server, not the statement: connection exceptions
	 * (08), insufficient resources (53), operator intervention such as a shutdown or a crash restart (57P01–57P03),
	 * serialization failures and deadlocks (40001, 40P01) and lock timeouts (55P03).
	 */
	private static final Set<String> TRANSIENT_SQL_CLASSES = Set.of("08", "53");

	private static final Set<String> TRANSIENT_SQL_STATES = Set.of("57P01", "57P02", "57P03", "40001", "40P01",
			"55P03");

	private TransientFailures() {
	}

	/** Whether the failure, or anything in its chain of causes, is one that retrying later can cure. */
	public static boolean isTransient(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (isTransientItself(cause)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isTransientItself(Throwable failure) {
		if (failure instanceof TransientDataAccessException || failure instanceof RecoverableDataAccessException
				|| failure instanceof DataAccessResourceFailureException
				|| failure instanceof CannotCreateTransactionException) {
			return true;
		}
		// A commit or rollback that failed outright: the connection broke under the transaction. (Failures of the
		// data itself are translated into DataAccessExceptions by the JDBC transaction manager instead.)
		if (failure instanceof TransactionSystemException) {
			return true;
		}
		if (failure instanceof SQLTransientException || failure instanceof SQLRecoverableException) {
			return true;
		}
		if (failure instanceof SQLException sql && sql.getSQLState() != null) {
			String state = sql.getSQLState();
			return TRANSIENT_SQL_STATES.contains(state)
					|| (state.length() >= 2 && TRANSIENT_SQL_CLASSES.contains(state.substring(0, 2)));
		}
		// A socket that was refused, reset or timed out: the database or a dependency is away, not the record bad.
		return failure instanceof IOException || failure instanceof RetriableException;
	}
}
