package org.leverans.delivery.partner;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.delivery.DeliveryIntegrationTest;
import org.leverans.delivery.TestOrders;
import org.leverans.delivery.shipment.Shipment;
import org.leverans.delivery.shipment.ShipmentStatus;
import org.leverans.delivery.shipment.TimelineEvent;
import org.leverans.delivery.window.DeliveryWindowPolicy;
import org.leverans.testsupport.infrastructure.CountedStatements;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A carrier's batch as the partner API applies it, in one transaction: a few statements for the whole batch, and
 * every event still applied on its own terms, in order, once.
 */
class PartnerBatchIntegrationTest extends DeliveryIntegrationTest {

	private static final String CARRIER = "nordic-freight";

	private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

	@Autowired
	private ShipmentEventApplier applier;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Autowired
	private DataSource dataSource;

	@Test
	void aBatchAsACarrierSendsItCostsFiveStatementsHoweverManyEventsAndShipments() {
		// As the benchmark's carrier posts them: scans and new estimates in turn, round-robin over its shipments.
		List<Shipment> planned = plannedShipments(50);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		List<PartnerEvent> batch = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			batch.add(event(i, planned.get(i % planned.size()),
					(i % 2 == 0) ? PartnerEventType.IN_TRANSIT : PartnerEventType.ETA_UPDATED, now.minusSeconds(100 - i),
					(i % 2 == 0) ? null : now.plus(Duration.ofHours(2)).plusSeconds(i)));
		}

		List<ShipmentEventApplier.Outcome> outcomes = new ArrayList<>();
		int statements = CountedStatements.of(transactions(), this.dataSource,
				() -> outcomes.addAll(this.applier.applyAll(CARRIER, batch)));

		// The shipments locked, the events recorded, then as the transaction commits the shipments written, the
		// windows they showed and the outgoing events: against two or three for each event one by one.
		assertThat(statements).isEqualTo(5);
		assertThat(outcomes).hasSize(100).containsOnly(ShipmentEventApplier.Outcome.APPLIED);
		for (Shipment shipment : planned) {
			List<PartnerEvent> own = own(batch, shipment);
			Shipment after = this.shipments.find(shipment.id()).orElseThrow();
			boolean scanned = own.stream().anyMatch(e -> e.type() == PartnerEventType.IN_TRANSIT);
			assertThat(after.status()).isEqualTo(scanned ? ShipmentStatus.IN_TRANSIT : ShipmentStatus.PLANNED);
			assertThat(after.eta()).isEqualTo(own.stream().map(PartnerEvent::eta).filter(eta -> eta != null)
				.reduce((first, second) -> second).orElse(null));
			assertThat(after.latestEventAt()).isEqualTo(own.getLast().occurredAt());
			assertThat(this.shipments.timeline(shipment.id())).extracting(TimelineEvent::eventId)
				.containsExactlyElementsOf(own.stream().map(PartnerEvent::eventId).toList());
			assertThat(published(shipment.id())).filteredOn(p -> p.type().equals("leverans.shipment.updated.v1"))
				.hasSize(own.size());
		}
	}

	@Test
	void aBatchOfOneShipmentsEventsUpdatesItOnceAndLeavesItAsTheLastOneDid() throws Exception {
		List<Shipment> planned = plannedShipments(3);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		List<PartnerEvent> batch = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			Shipment shipment = planned.get(i % 3);
			int round = i / 3;
			// Each new estimate an hour later than the one before, so each moves the window notably.
			batch.add((round % 2 == 0)
					? event(i, shipment, PartnerEventType.IN_TRANSIT, now.minusSeconds(60 - i), null)
					: event(i, shipment, PartnerEventType.ETA_UPDATED, now.minusSeconds(60 - i),
							now.plus(Duration.ofHours(2 + round))));
		}

		int statements = CountedStatements.of(transactions(), this.dataSource,
				() -> this.applier.applyAll(CARRIER, batch));

		assertThat(statements).isEqualTo(5);
		for (Shipment shipment : planned) {
			Shipment after = this.shipments.find(shipment.id()).orElseThrow();
			List<PartnerEvent> own = own(batch, shipment);
			PartnerEvent lastEta = own.getLast();
			assertThat(after.status()).isEqualTo(ShipmentStatus.IN_TRANSIT);
			assertThat(after.statusOccurredAt()).isEqualTo(own.get(2).occurredAt());
			assertThat(after.eta()).isEqualTo(lastEta.eta());
			assertThat(after.etaOccurredAt()).isEqualTo(lastEta.occurredAt());
			assertThat(after.latestEventAt()).isEqualTo(lastEta.occurredAt());
			assertThat(this.shipments.timeline(shipment.id())).extracting(TimelineEvent::eventId)
				.containsExactlyElementsOf(own.stream().map(PartnerEvent::eventId).toList());

			// The windows it showed, in the order shown, the last one on the shipment and in its last event out.
			List<String> shown = this.jdbc.queryForList("""
					SELECT basis FROM shipment_window WHERE shipment_id = ? ORDER BY id""", String.class, shipment.id());
			assertThat(shown).hasSizeGreaterThanOrEqualTo(3).first().isEqualTo(DeliveryWindowPolicy.PLANNED);
			DeliveryWindow lastShown = this.shipments.windowShownAt(shipment.id(), this.clock.instant()).orElseThrow();
			assertThat(lastShown.from()).isEqualTo(after.window().from());
			assertThat(lastShown.to()).isEqualTo(after.window().to());

			List<Published> out = published(shipment.id());
			assertThat(out).filteredOn(p -> p.type().equals("leverans.shipment.updated.v1"))
				.extracting(p -> p.body().get("eventType").asString())
				.containsExactly("IN_TRANSIT", "ETA_UPDATED", "IN_TRANSIT", "ETA_UPDATED");
			assertThat(out.getFirst().type()).isEqualTo("leverans.shipment.updated.v1");
			// A change follows the update that made it, and starts from the window the update before left.
			JsonNode before = this.json.valueToTree(shipment.window());
			JsonNode current = before;
			int changes = 0;
			for (int i = 0; i < out.size(); i++) {
				Published p = out.get(i);
				if (p.type().equals("leverans.shipment.updated.v1")) {
					before = current;
					current = p.body().get("window");
				}
				else {
					assertThat(p.type()).isEqualTo("leverans.shipment.window-changed.v1");
					assertThat(out.get(i - 1).type()).isEqualTo("leverans.shipment.updated.v1");
					assertThat(p.body().get("window")).isEqualTo(current);
					assertThat(p.body().get("previousWindow").get("from")).isEqualTo(before.get("from"));
					assertThat(p.body().get("previousWindow").get("to")).isEqualTo(before.get("to"));
					changes++;
				}
			}
			// Each estimate moved the window by hours.
			assertThat(changes).isGreaterThanOrEqualTo(2);
			assertThat(out.getLast().body().get("window").get("from").asString())
				.isEqualTo(after.window().from().toString());
		}
		// All three shipments' events went out in the order the batch brought them.
		List<String> all = this.jdbc.queryForList("""
				SELECT subject FROM messaging.outbox_event
				WHERE subject IN (?, ?, ?) AND type = 'leverans.shipment.updated.v1' ORDER BY id""", String.class,
				planned.get(0).id().toString(), planned.get(1).id().toString(), planned.get(2).id().toString());
		assertThat(all).containsExactlyElementsOf(batch.stream()
			.map(e -> planned.get(e.index() % 3).id().toString())
			.toList());
	}

	@Test
	void anEventSentTwiceInABatchIsAppliedOnceAndABatchSentAgainChangesNothing() throws Exception {
		Shipment shipment = plannedShipments(1).getFirst();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String id = "nf-" + UUID.randomUUID();
		String body = """
				{"events":[
				 {"eventId":"%1$s-a","trackingNumber":"NF0000000000","type":"PICKED_UP","occurredAt":"%3$s"},
				 {"eventId":"%1$s-a","trackingNumber":"%2$s","type":"PICKED_UP","occurredAt":"%3$s"},
				 {"eventId":"%1$s-b","trackingNumber":"%2$s","type":"IN_TRANSIT","occurredAt":"%4$s","eta":"%5$s"},
				 {"eventId":"%1$s-a","trackingNumber":"%2$s","type":"DELIVERED","occurredAt":"%4$s"},
				 {"eventId":"%1$s-b","trackingNumber":"%2$s","type":"DELIVERY_FAILED","occurredAt":"%4$s"}
				]}""".formatted(id, shipment.trackingNumber(), now.minusSeconds(120), now.minusSeconds(60),
				now.plus(Duration.ofHours(3)));

		postEvents(body).andExpect(status().isAccepted())
			.andExpect(jsonPath("$.accepted").value(2))
			.andExpect(jsonPath("$.duplicates").value(2))
			.andExpect(jsonPath("$.rejected[*].index").value(org.hamcrest.Matchers.contains(0)))
			.andExpect(jsonPath("$.rejected[0].code").value("UNKNOWN_SHIPMENT"));
		Shipment applied = this.shipments.find(shipment.id()).orElseThrow();
		assertThat(applied.status()).isEqualTo(ShipmentStatus.IN_TRANSIT);
		assertThat(applied.deliveredAt()).isNull();
		List<Published> out = published(shipment.id());

		postEvents(body).andExpect(status().isAccepted())
			.andExpect(jsonPath("$.accepted").value(0))
			.andExpect(jsonPath("$.duplicates").value(4))
			.andExpect(jsonPath("$.rejected[*].index").value(org.hamcrest.Matchers.contains(0)));

		assertThat(this.shipments.find(shipment.id())).contains(applied);
		assertThat(this.shipments.timeline(shipment.id())).extracting(TimelineEvent::type)
			.containsExactly("PICKED_UP", "IN_TRANSIT");
		assertThat(published(shipment.id())).isEqualTo(out);
		assertThat(out).filteredOn(p -> p.type().equals("leverans.shipment.updated.v1"))
			.extracting(p -> p.body().get("eventType").asString())
			.containsExactly("PICKED_UP", "IN_TRANSIT");
	}

	@Test
	void aBatchRolledBackWritesNothingAndAppliesWholeWhenItComesAgain() {
		List<Shipment> planned = plannedShipments(2);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		List<PartnerEvent> batch = List.of(
				event(0, planned.get(0), PartnerEventType.PICKED_UP, now.minusSeconds(30), null),
				event(1, planned.get(1), PartnerEventType.ETA_UPDATED, now.minusSeconds(20), now.plusSeconds(7200)),
				event(2, planned.get(0), PartnerEventType.IN_TRANSIT, now.minusSeconds(10), now.plusSeconds(5400)));

		transactions().executeWithoutResult(status -> {
			assertThat(this.applier.applyAll(CARRIER, batch)).containsOnly(ShipmentEventApplier.Outcome.APPLIED);
			status.setRollbackOnly();
		});

		for (Shipment shipment : planned) {
			assertThat(this.shipments.find(shipment.id())).contains(shipment);
			assertThat(this.shipments.timeline(shipment.id())).isEmpty();
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM shipment_window WHERE shipment_id = ?",
					Integer.class, shipment.id())).isOne();
			assertThat(published(shipment.id())).isEmpty();
		}

		assertThat(this.applier.applyAll(CARRIER, batch)).containsOnly(ShipmentEventApplier.Outcome.APPLIED);

		assertThat(this.shipments.find(planned.get(0).id()).orElseThrow().status())
			.isEqualTo(ShipmentStatus.IN_TRANSIT);
		assertThat(this.shipments.find(planned.get(1).id()).orElseThrow().eta()).isEqualTo(now.plusSeconds(7200));
		assertThat(this.shipments.timeline(planned.get(0).id())).hasSize(2);
		assertThat(published(planned.get(0).id())).filteredOn(p -> p.type().equals("leverans.shipment.updated.v1"))
			.hasSize(2);
	}

	@Test
	void aDeliveryInABatchSeesWhatTheEventsBeforeItWroteButNotWhatThoseAfterItBrought() {
		Shipment shipment = plannedShipments(1).getFirst();
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Instant deliveredAt = now.plus(Duration.ofHours(2));
		// Straight to the applier, which takes a delivery the API would refuse as lying in the future: the windows
		// this batch draws are then already shown an hour before the arrival, when the promise is measured.
		List<PartnerEvent> batch = List.of(
				event(0, shipment, PartnerEventType.ETA_UPDATED, now, deliveredAt.plus(Duration.ofMinutes(10))),
				event(1, shipment, PartnerEventType.DELIVERED, deliveredAt, null),
				// Late news of an estimate given before the arrival: kept, but it came after the delivery did.
				event(2, shipment, PartnerEventType.ETA_UPDATED, now.plus(Duration.ofHours(1)), deliveredAt));

		assertThat(this.applier.applyAll(CARRIER, batch)).containsOnly(ShipmentEventApplier.Outcome.APPLIED);

		// The promise read the window the delivery drew just before, not yet written when one by one it would have
		// been.
		assertThat(this.jdbc.queryForMap("SELECT h1_from, h1_to FROM delivery_promise WHERE shipment_id = ?",
				shipment.id()).values()).extracting(at -> ((java.sql.Timestamp) at).toInstant())
			.containsOnly(deliveredAt);
		// The arrival learned from the estimate before it in the batch, as it would have one by one.
		assertThat(this.jdbc.queryForList("SELECT source FROM arrival_sample WHERE shipment_id = ?", String.class,
				shipment.id())).containsExactlyInAnyOrder("planned-slot", batch.get(0).eventId());
		assertThat(this.shipments.timeline(shipment.id())).hasSize(3);
		assertThat(this.shipments.find(shipment.id()).orElseThrow().status()).isEqualTo(ShipmentStatus.DELIVERED);
	}

	@Test
	void requestsTakenIntoOneTurnShareItsStatementsAndEachGetsTheOutcomesItWouldHaveAlone() {
		List<Shipment> nordic = plannedShipments(CARRIER, 3);
		List<Shipment> baltic = plannedShipments("baltic-haulage", 2);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		PartnerEvent scanned = event(0, nordic.get(0), PartnerEventType.IN_TRANSIT, now.minusSeconds(30), null);
		PartnerEvent nearer = event(0, baltic.get(1), PartnerEventType.ETA_UPDATED, now.minusSeconds(20),
				now.plus(Duration.ofHours(3)));
		List<ShipmentEventApplier.Posting> postings = List.of(posting(CARRIER, scanned),
				posting("baltic-haulage",
						event(0, baltic.get(0), PartnerEventType.IN_TRANSIT, now.minusSeconds(29), null)),
				// sent again before the first was answered, as a carrier's retry may be
				posting(CARRIER, scanned),
				// another carrier's shipment, which this one may not touch
				posting(CARRIER, nearer),
				posting(CARRIER, event(0, nordic.get(1), PartnerEventType.IN_TRANSIT, now.minusSeconds(10), null),
						event(1, nordic.get(2), PartnerEventType.ETA_UPDATED, now.minusSeconds(9),
								now.plus(Duration.ofHours(2)))),
				posting("baltic-haulage", nearer));

		List<List<ShipmentEventApplier.Outcome>> outcomes = new ArrayList<>();
		int statements = CountedStatements.of(transactions(), this.dataSource,
				() -> outcomes.addAll(this.applier.applyTogether(postings)));

		assertThat(outcomes).containsExactly(List.of(ShipmentEventApplier.Outcome.APPLIED),
				List.of(ShipmentEventApplier.Outcome.APPLIED), List.of(ShipmentEventApplier.Outcome.DUPLICATE),
				List.of(ShipmentEventApplier.Outcome.UNKNOWN_SHIPMENT),
				List.of(ShipmentEventApplier.Outcome.APPLIED, ShipmentEventApplier.Outcome.APPLIED),
				List.of(ShipmentEventApplier.Outcome.APPLIED));
		// Each carrier's shipments locked and events recorded, then as the turn commits the shipments written, the
		// windows they showed and the outgoing events: against six or so for each request in a turn of its own.
		assertThat(statements).isEqualTo(7);
		assertThat(this.shipments.find(nordic.get(0).id()).orElseThrow().status()).isEqualTo(ShipmentStatus.IN_TRANSIT);
		assertThat(this.shipments.timeline(nordic.get(0).id())).extracting(TimelineEvent::eventId)
			.containsExactly(scanned.eventId());
		assertThat(this.shipments.find(baltic.get(0).id()).orElseThrow().status()).isEqualTo(ShipmentStatus.IN_TRANSIT);
		assertThat(this.shipments.find(baltic.get(1).id()).orElseThrow().eta()).isEqualTo(nearer.eta());
		assertThat(this.shipments.find(nordic.get(2).id()).orElseThrow().eta())
			.isEqualTo(now.plus(Duration.ofHours(2)));
		for (Shipment shipment : List.of(nordic.get(0), nordic.get(1), nordic.get(2), baltic.get(0), baltic.get(1))) {
			assertThat(published(shipment.id())).filteredOn(p -> p.type().equals("leverans.shipment.updated.v1"))
				.hasSize(1);
		}
	}

	private static ShipmentEventApplier.Posting posting(String carrier, PartnerEvent... events) {
		return new ShipmentEventApplier.Posting(carrier, List.of(events), null);
	}

	private TransactionTemplate transactions() {
		return new TransactionTemplate(this.transactionManager);
	}

	/** Shipments of the carrier's as planning leaves them, stored directly: many at once, without Kafka. */
	private List<Shipment> plannedShipments(int count) {
		return plannedShipments(CARRIER, count);
	}

	private List<Shipment> plannedShipments(String carrier, int count) {
		Instant now = this.clock.instant();
		LocalDate date = LocalDate.now(HELSINKI).plusDays(1);
		LocalTime from = LocalTime.of(7, 0);
		LocalTime to = LocalTime.of(9, 0);
		List<Shipment> planned = new ArrayList<>();
		transactions().executeWithoutResult(status -> {
			for (int i = 0; i < count; i++) {
				UUID orderId = UUID.randomUUID();
				Shipment shipment = new Shipment(UUID.randomUUID(), orderId, "LV-B" + i, TestOrders.RAKENNUS,
						PartnerEventsIntegrationTest.PASILA, "Pasila", "FI", HELSINKI, carrier,
						"NF" + UUID.randomUUID().toString().replace("-", "").substring(0, 14).toUpperCase(),
						ShipmentStatus.PLANNED, null, date, from, to, 1, now, null, null, null, null, null,
						DeliveryWindowPolicy.planned(date, from, to, HELSINKI, now));
				this.shipments.insert(shipment, List.of());
				planned.add(shipment);
			}
		});
		// As read back: instants as PostgreSQL keeps them.
		return planned.stream().map(s -> this.shipments.find(s.id()).orElseThrow()).toList();
	}

	private static List<PartnerEvent> own(List<PartnerEvent> batch, Shipment shipment) {
		return batch.stream().filter(e -> e.trackingNumber().equals(shipment.trackingNumber())).toList();
	}

	private static PartnerEvent event(int index, Shipment shipment, PartnerEventType type, Instant occurredAt,
			Instant eta) {
		return new PartnerEvent(index, "nb-" + UUID.randomUUID(), null, shipment.trackingNumber(), type, occurredAt,
				eta, (type == PartnerEventType.IN_TRANSIT) ? new TimelineEvent.Position(60.2, 24.9) : null, null,
				null);
	}

	private ResultActions postEvents(String body) throws Exception {
		return this.mvc.perform(post("/api/partner/v1/shipment-events").with(carrier(CARRIER))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	/** What the outbox holds about the shipment, in the order it was published. */
	private List<Published> published(UUID shipmentId) {
		return this.jdbc.query("SELECT type, payload FROM messaging.outbox_event WHERE subject = ? ORDER BY id",
				(rs, n) -> new Published(rs.getString(1), this.json.readTree(rs.getString(2))), shipmentId.toString());
	}

	private record Published(String type, JsonNode body) {
	}
}
