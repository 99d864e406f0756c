package org.leverans.delivery.window.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.delivery.DeliveryIntegrationTest;
import org.leverans.delivery.TestOrders;
import org.leverans.delivery.shipment.Shipment;
import org.leverans.delivery.shipment.ShipmentStatus;
import org.leverans.delivery.window.ArrivalHistory;
import org.leverans.delivery.window.DeliveryWindowPolicy;
import org.leverans.delivery.window.WindowEvidence;
import org.leverans.delivery.window.WindowRefresher;
import org.leverans.simulator.CarrierProfile;
import org.leverans.testsupport.infrastructure.TestInfrastructure;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The evaluator's simulated carriers played through delivery-service itself, as carriers on a running platform would
 * play them: each shipment planned two days ahead, every ETA and the delivery posted to the partner API at the moment
 * the carrier sends it, open windows redrawn every {@link #REFRESH} as the platform's refresher does, and at the end
 * the accuracy report an admin reads ({@code /api/admin/delivery-accuracy}). Beside it, the evaluator's in-memory
 * engine learns the same deliveries in the same order and is scored at the moments the report looks at.
 *
 * <p>
 * So the report is checked against figures computed another way: if the service learned less than the engine (an ETA
 * not kept, a delivery not recorded), drew other windows, or the report looked them up wrongly, the two part. The
 * service's clock follows the carriers' events, so a year of deliveries takes minutes.
 *
 * <p>
 * In CI it plays the optimistic carrier, whose windows the engine must move furthest from its ETAs, for
 * {@value #CI_DELIVERIES} deliveries. {@code ./leverans window-eval --replay} plays every profile for
 * {@link WindowEvaluation#DELIVERIES} deliveries ({@code -Daccuracy-replay.profiles=all|punctual,optimistic,…},
 * {@code -Daccuracy-replay.deliveries=…}, {@code -Daccuracy-replay.seed=…}) and writes the table for
 * docs/delivery-window.md to {@code target/accuracy-replay.md} as well as to the test's output.
 */
// A database of its own, and no listeners: a year of deliveries would otherwise become every other test's all-carrier
// evidence, and a second context's listeners would share the other tests' consumer groups.
@TestPropertySource(properties = "spring.kafka.listener.auto-startup=false")
class DeliveryAccuracyReplayIntegrationTest extends DeliveryIntegrationTest {

	@DynamicPropertySource
	static void databaseOfItsOwn(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "delivery_replay");
	}

	static final int CI_DELIVERIES = 80;

	/** How often the platform's refresher redraws open windows (1 min in production), in the carriers' time. */
	static final Duration REFRESH = Duration.ofMinutes(5);

	/** The moments before the actual arrival the report looks the windows up at, by band. */
	static final Map<String, Duration> REPORT_MOMENTS = reportMoments();

	@Autowired
	DeliveryWindowPolicy policy;

	@Autowired
	ArrivalHistory arrivals;

	@Autowired
	WindowRefresher refresher;

	private final Map<String, Map<String, WindowEvaluation.Score>> engineScores = new LinkedHashMap<>();

	@Test
	void theAccuracyReportAgreesWithTheEvaluatorOnCarriersPlayedThroughThePartnerApi() throws Exception {
		long seed = Long.getLong("accuracy-replay.seed", 42);
		int deliveries = Integer.getInteger("accuracy-replay.deliveries", CI_DELIVERIES);
		String codes = System.getProperty("accuracy-replay.profiles", CarrierProfile.OPTIMISTIC.code());
		List<CarrierProfile> profiles = codes.equals("all") ? List.of(CarrierProfile.values())
				: Arrays.stream(codes.split(","))
					.map(code -> CarrierProfile.byCode(code.strip())
						.orElseThrow(() -> new IllegalArgumentException("No carrier profile " + code)))
					.toList();
		String run = Long.toString(System.nanoTime() % 100_000, 36);
		// Three days ahead, so that the first shipment is planned (two days before its slot) after the clock's now; at
		// 05:00 UTC as in the evaluator, so that no two-hour slot (05:00, 17:00) crosses midnight whatever the hour
		// the test runs at.
		Instant start = this.clock.instant()
			.truncatedTo(ChronoUnit.DAYS)
			.plus(Duration.ofDays(3))
			.plus(Duration.ofHours(5));
		List<Step> steps = new ArrayList<>();
		Map<String, CarrierProfile> byCarrier = new LinkedHashMap<>();
		for (CarrierProfile profile : profiles) {
			String carrier = "replay-" + profile.code() + "-" + run;
			byCarrier.put(carrier, profile);
			SimulatedCarrier simulated = new SimulatedCarrier(carrier, profile, start,
					new SplittableRandom(seed + profile.ordinal()));
			for (int n = 0; n < deliveries; n++) {
				steps.addAll(steps(simulated.deliver(n)));
			}
		}
		steps.sort(Comparator.comparing(Step::at).thenComparing(Step::kind));

		WindowEngine engine = WindowEngine.current();
		Map<SimulatedDelivery, UUID> shipments = new HashMap<>();
		int open = 0;
		Instant nextRefresh = start;
		for (Step step : steps) {
			while (open > 0 && nextRefresh.isBefore(step.at())) {
				at(nextRefresh);
				this.refresher.refresh();
				nextRefresh = nextRefresh.plus(REFRESH);
			}
			if (!nextRefresh.isAfter(step.at())) {
				nextRefresh = step.at().truncatedTo(ChronoUnit.MINUTES).plus(REFRESH);
			}
			at(step.at());
			SimulatedDelivery delivery = step.delivery();
			switch (step.kind()) {
				case PLAN -> shipments.put(delivery, plan(delivery));
				case ETA -> {
					send(delivery, shipments.get(delivery), "ETA_UPDATED", step);
					if (step.eta() == delivery.etas().getFirst()) {
						open++;
					}
				}
				case DELIVER -> {
					send(delivery, shipments.get(delivery), "DELIVERED", step);
					engine.learn(delivery);
					open--;
				}
				case LOOK -> score(engine, delivery, step.band());
			}
		}

		JsonNode report = this.json.readTree(this.mvc.perform(get("/api/admin/delivery-accuracy").with(role("ADMIN")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		print(seed, deliveries, byCarrier, report);
		for (String carrier : byCarrier.keySet()) {
			JsonNode measured = carrier(report, carrier);
			assertThat(measured.get("delivered").asInt()).as(carrier).isEqualTo(deliveries);
			for (JsonNode band : measured.get("byHorizon")) {
				WindowEvaluation.Score expected = this.engineScores.get(carrier).get(band.get("band").asString());
				String what = carrier + " " + band.get("band").asString();
				// Every shipment was planned two days ahead, so each had a window at every moment the report looks.
				assertThat(band.get("samples").asInt()).as(what).isEqualTo(deliveries);
				assertThat(100 * band.get("hitRate").asDouble()).as(what + " inside, %")
					.isCloseTo(expected.insidePercent(), offset(5.0));
				assertThat(band.get("meanWidthMinutes").asDouble()).as(what + " mean width, min")
					.isCloseTo(expected.meanWidthMinutes(), withinPercentage(15));
			}
		}
	}

	/** The shipment as order planning stores it: the slot, and the window drawn from what the carrier has shown. */
	private UUID plan(SimulatedDelivery delivery) {
		Instant now = this.clock.instant();
		ZoneId zone = ZoneOffset.UTC;
		DeliveryWindow slot = DeliveryWindowPolicy.planned(delivery.plannedFrom().atZone(zone).toLocalDate(),
				LocalTime.ofInstant(delivery.plannedFrom(), zone), LocalTime.ofInstant(delivery.plannedTo(), zone),
				zone, now);
		DeliveryWindow window = this.policy.current(new WindowEvidence(slot.from(), slot.to(), null, null, null, null),
				this.arrivals.calibrationOf(delivery.carrier()), now);
		UUID id = UUID.randomUUID();
		this.shipments.insert(new Shipment(id, UUID.randomUUID(), "R-" + id.toString().substring(0, 8),
				TestOrders.RAKENNUS, UUID.randomUUID(), "Replay site", "FI", zone, delivery.carrier(),
				"RP" + id.toString().replace("-", "").substring(0, 16), ShipmentStatus.PLANNED, null,
				delivery.plannedFrom().atZone(zone).toLocalDate(), LocalTime.ofInstant(delivery.plannedFrom(), zone),
				LocalTime.ofInstant(delivery.plannedTo(), zone), 1, now, null, null, null, null, null, window),
				List.of());
		return id;
	}

	private void send(SimulatedDelivery delivery, UUID shipment, String type, Step step) throws Exception {
		String etaField = (step.eta() != null) ? ",\"eta\":\"" + step.eta().eta() + "\"" : "";
		this.mvc.perform(post("/api/partner/v1/shipment-events").with(carrier(delivery.carrier()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"eventId\":\"%s\",\"shipmentId\":\"%s\",\"type\":\"%s\",\"occurredAt\":\"%s\"%s}"
				.formatted(UUID.randomUUID(), shipment, type, step.at(), etaField)))
			.andExpect(status().isAccepted());
	}

	/** What the evaluator's engine shows at the moment the report looks, from what it had learned by then. */
	private void score(WindowEngine engine, SimulatedDelivery delivery, String band) {
		Instant now = this.clock.instant();
		this.engineScores.computeIfAbsent(delivery.carrier(), carrier -> new LinkedHashMap<>())
			.computeIfAbsent(band, b -> new WindowEvaluation.Score())
			.add(engine.window(delivery.carrier(), delivery.evidenceAt(now), now), delivery.deliveredAt());
	}

	private void at(Instant instant) {
		Duration ahead = Duration.between(this.clock.instant(), instant);
		if (!ahead.isNegative()) {
			this.clock.advance(ahead);
		}
	}

	private static List<Step> steps(SimulatedDelivery delivery) {
		List<Step> steps = new ArrayList<>();
		steps.add(new Step(delivery.plannedAt(), Kind.PLAN, delivery, null, null));
		delivery.etas().forEach(eta -> steps.add(new Step(eta.givenAt(), Kind.ETA, delivery, eta, null)));
		steps.add(new Step(delivery.deliveredAt(), Kind.DELIVER, delivery, null, null));
		REPORT_MOMENTS.forEach((band, before) -> steps
			.add(new Step(delivery.deliveredAt().minus(before), Kind.LOOK, delivery, null, band)));
		return steps;
	}

	private void print(long seed, int deliveries, Map<String, CarrierProfile> carriers, JsonNode report)
			throws IOException {
		StringBuilder table = new StringBuilder();
		table.append("Accuracy report of delivery-service after %d deliveries per carrier through the partner API (seed %d),"
			.formatted(deliveries, seed))
			.append(" beside the evaluator's engine on the same deliveries\n\n")
			.append("| carrier profile | band (looked at before arrival) | windows | report: inside / mean width")
			.append(" | against the 95% target | evaluator: inside / mean width |\n")
			.append("|---|---|---|---|---|---|\n");
		carriers.forEach((carrier, profile) -> {
			for (JsonNode band : carrier(report, carrier).get("byHorizon")) {
				WindowEvaluation.Score engine = this.engineScores.get(carrier).get(band.get("band").asString());
				table.append("| %s | %s (%d min) | %d | %.1f%% / %.0f min | %+.1f points | %.1f%% / %.0f min |%n"
					.formatted(profile.description(), band.get("band").asString(), band.get("minutesBefore").asInt(),
							band.get("samples").asInt(), 100 * band.get("hitRate").asDouble(),
							band.get("meanWidthMinutes").asDouble(), 100 * band.get("againstTarget").asDouble(),
							engine.insidePercent(), engine.meanWidthMinutes()));
			}
		});
		System.out.println(table);
		Files.writeString(Path.of("target", "accuracy-replay.md"), table);
	}

	private static JsonNode carrier(JsonNode report, String carrier) {
		for (JsonNode measured : report.get("carriers")) {
			if (carrier.equals(measured.get("carrier").asString())) {
				return measured;
			}
		}
		throw new AssertionError("No " + carrier + " in the accuracy report: " + report);
	}

	private static Map<String, Duration> reportMoments() {
		Map<String, Duration> moments = new LinkedHashMap<>();
		moments.put("UNDER_30_MIN", Duration.ofMinutes(15));
		moments.put("MIN_30_TO_90", Duration.ofMinutes(60));
		moments.put("H_1_5_TO_4", Duration.ofMinutes(150));
		moments.put("H_4_TO_12", Duration.ofMinutes(480));
		moments.put("DAY_BEFORE", Duration.ofMinutes(1440));
		return moments;
	}

	/** In this order at the same instant: the report reads a window shown at the very moment it looks. */
	enum Kind {

		PLAN, ETA, DELIVER, LOOK

	}

	record Step(Instant at, Kind kind, SimulatedDelivery delivery, SimulatedDelivery.Eta eta, String band) {
	}
}
