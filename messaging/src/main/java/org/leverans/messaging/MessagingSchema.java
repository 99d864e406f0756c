package org.leverans.messaging;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * The outbox and inbox tables live in their own {@code messaging} schema with their own Flyway history, so a
 * service's migrations and this library's never compete for version numbers.
 */
class MessagingSchema {

	MessagingSchema(DataSource dataSource) {
		Flyway.configure()
			.dataSource(dataSource)
			.schemas("messaging")
			.createSchemas(true)
			.table("messaging_schema_history")
			.locations("classpath:db/messaging")
			.load()
			.migrate();
	}
}
