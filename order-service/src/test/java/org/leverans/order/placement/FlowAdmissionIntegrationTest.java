package org.leverans.order.placement;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.order.OrderProperties;
import org.leverans.order.OrderServiceIntegrationTest;
import org.leverans.web.problem.ApiProblem;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Admission against the real order table, with a bound just above what the shared test database holds now. */
class FlowAdmissionIntegrationTest extends OrderServiceIntegrationTest {

	@Test
	void refusesNewOrdersWhileTheFlowHoldsTooManyUndecidedOnesAndAdmitsAgainOnceOneIsDecided() throws Exception {
		FlowAdmission admission = admissionWithRoomFor(2);
		placeOrder(JATKASAARI);
		assertThatNoException().isThrownBy(admission::admit);
		UUID second = placeOrder(JATKASAARI);

		ApiProblem refused = catchThrowableOfType(ApiProblem.class, admission::admit);

		assertThat(refused.getStatusCode().value()).isEqualTo(503);
		assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("2");
		assertThat(refused.getBody().getDetail()).contains("still deciding");
		this.jdbc.update("UPDATE customer_order SET status = 'ACCEPTED' WHERE id = ?", second);
		assertThatNoException().isThrownBy(admission::admit);
	}

	@Test
	void ordersWaitingForAPersonDoNotCountAgainstTheFlow() throws Exception {
		FlowAdmission admission = admissionWithRoomFor(1);
		UUID held = placeOrder(JATKASAARI);
		assertThat(catchThrowableOfType(ApiProblem.class, admission::admit)).isNotNull();

		this.jdbc.update("UPDATE customer_order SET status = 'ON_HOLD' WHERE id = ?", held);

		assertThatNoException().isThrownBy(admission::admit);
	}

	/** A bound that leaves room for {@code orders} more undecided orders than the database has now. */
	private FlowAdmission admissionWithRoomFor(int orders) {
		Long undecided = this.jdbc.queryForObject(
				"SELECT count(*) FROM customer_order WHERE status IN ('PLACED', 'VALIDATED')", Long.class);
		OrderProperties properties = new OrderProperties(Duration.ofHours(24), 100, Duration.ZERO,
				new OrderProperties.Admission(undecided + orders, Duration.ZERO, Duration.ofSeconds(2)));
		return new FlowAdmission(JdbcClient.create(this.jdbc.getDataSource()), Clock.systemUTC(), properties);
	}
}
