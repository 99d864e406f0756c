package org.leverans.platform.postgres;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PostgresConnectionTest {

	@Test
	void namesADatabaseOnTheServer() {
		assertThat(PostgresConnection.local(15432).jdbcUrl("orders")).isEqualTo("jdbc:postgresql://localhost:15432/orders");
	}

	@Test
	void acceptsAServerUrlWithoutTrailingSlashOrWithADatabaseAlreadyInIt() {
		assertThat(new PostgresConnection("jdbc:postgresql://db:5432", "u", "p").jdbcUrl("credit"))
			.isEqualTo("jdbc:postgresql://db:5432/credit");
		assertThat(new PostgresConnection("jdbc:postgresql://db:5432/postgres", "u", "p").jdbcUrl("credit"))
			.isEqualTo("jdbc:postgresql://db:5432/credit");
	}

	@Test
	void keepsTheServersConnectionParameters() {
		assertThat(new PostgresConnection("jdbc:postgresql://db.example:5432/?sslmode=require", "u", "p").jdbcUrl("auth"))
			.isEqualTo("jdbc:postgresql://db.example:5432/auth?sslmode=require");
	}

	@Test
	void usesAnExistingServerOnlyWhenTheEnvironmentNamesOne() {
		assertThat(PostgresConnection.fromEnvironment(Map.of())).isEmpty();
		assertThat(PostgresConnection.fromEnvironment(Map.of("LEVERANS_POSTGRES_URL", "jdbc:postgresql://db:5432/")))
			.contains(new PostgresConnection("jdbc:postgresql://db:5432/", "postgres", "postgres"));
	}

	@Test
	void rejectsAUrlThatIsNotPostgres() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PostgresConnection("jdbc:mysql://db:3306/", "u", "p"))
			.withMessageContaining("jdbc:postgresql://");
	}
}
