package org.leverans.web.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means the database is away or busy for a while (so the same request may well succeed after
 * {@code Retry-After}), wherever in the cause chain it shows: a connection that cannot be had or was lost, a
 * transaction that cannot begin or commit because of it, a server shutting down or restarting, a deadlock.
 */
final class DatabaseAway {

	private DatabaseAway() {
	}

	static boolean causes(Throwable failure) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable current = failure; current != null && seen.add(current); current = current.getCause()) {
			if (current instanceof DataAccessResourceFailureException || current instanceof TransientDataAccessException
					|| current instanceof CannotCreateTransactionException || current instanceof SQLTransientException
					|| current instanceof SQLRecoverableException
					|| current instanceof SQLNonTransientConnectionException) {
				return true;
			}
			if (current instanceof SQLException sql && transientState(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * SQL states of a connection lost or refused (class 08), a server short of resources (53), shutting down or not
	 * yet accepting connections (57P), a serialization failure or deadlock (40001, 40P01).
	 */
	private static boolean transientState(String state) {
		return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
				|| state.equals("40001") || state.equals("40P01"));
	}
}
