package org.leverans.messaging;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TransientFailuresTest {

	@Test
	void aDatabaseThatRefusesConnectionsIsTransient() {
		var refused = new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
				new SQLTransientConnectionException("pool timed out", new ConnectException("Connection refused")));
		assertThat(TransientFailures.isTransient(refused)).isTrue();
		assertThat(TransientFailures.isTransient(new ConnectException("Connection refused"))).isTrue();
		assertThat(TransientFailures.isTransient(new CannotGetJdbcConnectionException("no connection"))).isTrue();
	}

	@Test
	void aConnectionLostInTheMiddleOfATransactionIsTransient() {
		assertThat(TransientFailures.isTransient(new SQLException("An I/O error occurred", "08006"))).isTrue();
		assertThat(TransientFailures.isTransient(new SQLException("terminating connection", "57P01"))).isTrue();
	}

	@Test
	void aRollbackOnAConnectionThatBrokeIsTransient() {
		var rollbackFailed = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));
		assertThat(TransientFailures.isTransient(rollbackFailed)).isTrue();
	}

	@Test
	void deadlocksAndSerializationFailuresAreTransient() {
		assertThat(TransientFailures.isTransient(new SQLException("deadlock detected", "40P01"))).isTrue();
		assertThat(TransientFailures.isTransient(new SQLException("could not serialize", "40001"))).isTrue();
	}

	@Test
	void aBrokenRuleOrABadRecordIsNotTransient() {
		assertThat(TransientFailures.isTransient(new DuplicateKeyException("duplicate",
				new SQLException("duplicate key value", "23505")))).isFalse();
		assertThat(TransientFailures.isTransient(new DataIntegrityViolationException("null value",
				new SQLException("null value in column", "23502")))).isFalse();
		assertThat(TransientFailures.isTransient(new IllegalStateException("cannot apply"))).isFalse();
		JacksonException unreadable = catchThrowableOfType(JacksonException.class,
				() -> JsonMapper.builder().build().readTree("{not json"));
		assertThat(TransientFailures.isTransient(unreadable)).isFalse();
	}
}
