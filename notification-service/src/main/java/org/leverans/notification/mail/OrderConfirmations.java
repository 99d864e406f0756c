package org.leverans.notification.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.leverans.contracts.order.OrderAccepted;
import org.leverans.contracts.validation.PaymentTerms;
import org.leverans.contracts.validation.PricedLine;
import org.leverans.contracts.validation.Totals;
import org.leverans.messaging.EventHandlers;
import org.leverans.notification.intake.IntakeHandlers;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.leverans.notification.PostgresArrays.literal;

/**
 * Keeps what an order confirmation e-mail needs, from {@code OrderAccepted} alone: the priced lines, the totals and
 * the payment and freight terms. An acceptance written before it carried the terms leaves those already kept (by
 * this service before it stopped reading {@code OrderValidated}) as they are.
 */
@Component
class OrderConfirmations implements IntakeHandlers {

	private static final TypeReference<List<PricedLine>> LINES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final EventHandlers handlers;

	OrderConfirmations(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.handlers = EventHandlers.named("order-confirmations").on(OrderAccepted.class, this::accepted);
	}

	@Override
	public EventHandlers handlers() {
		return this.handlers;
	}

	private void accepted(OrderAccepted event) {
		this.jdbc.sql("""
				INSERT INTO order_confirmation (order_id, lines, totals, payment_terms, freight_terms_code, updated_at)
				VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (order_id) DO UPDATE
				SET lines = coalesce(EXCLUDED.lines, order_confirmation.lines),
				    totals = coalesce(EXCLUDED.totals, order_confirmation.totals),
				    payment_terms = coalesce(EXCLUDED.payment_terms, order_confirmation.payment_terms),
				    freight_terms_code = coalesce(EXCLUDED.freight_terms_code, order_confirmation.freight_terms_code),
				    updated_at = EXCLUDED.updated_at""")
			.params(event.orderId(), write(event.lines()), write(event.totals()), write(event.paymentTerms()),
					event.freightTermsCode(), Timestamp.from(this.clock.instant()))
			.update();
	}

	/** What the orders' confirmation e-mails list, by order, in one statement; an order not accepted yet has none. */
	Map<UUID, OrderConfirmation> findAll(Collection<UUID> orderIds) {
		if (orderIds.isEmpty()) {
			return Map.of();
		}
		Map<UUID, OrderConfirmation> found = new HashMap<>();
		this.jdbc.sql("SELECT * FROM order_confirmation WHERE order_id = ANY(?::uuid[])")
			.params(literal(Set.copyOf(orderIds)))
			.query((RowCallbackHandler) rs -> found.put(rs.getObject("order_id", UUID.class),
					new OrderConfirmation(read(rs.getString("lines"), LINES),
							read(rs.getString("totals"), Totals.class),
							read(rs.getString("payment_terms"), PaymentTerms.class),
							rs.getString("freight_terms_code"))));
		return found;
	}

	private String write(Object value) {
		return (value != null) ? this.json.writeValueAsString(value) : null;
	}

	private <T> T read(String value, Class<T> type) {
		return (value != null) ? this.json.readValue(value, type) : null;
	}

	private <T> T read(String value, TypeReference<T> type) {
		return (value != null) ? this.json.readValue(value, type) : null;
	}
}
