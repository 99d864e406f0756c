package org.leverans.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

import org.leverans.e2e.AccessFixtures.Thing;
import org.leverans.e2e.ApiOperations.Id;
import org.leverans.e2e.ApiOperations.Operation;
import org.leverans.platform.services.Service;

/**
 * Who may see and do what, proven through the gateway for every operation the services' OpenAPI documents list,
 * against every role, as API clients (client-credentials tokens) and as people signed in through the gateway's
 * browser sign-in:
 * <ul>
 * <li>an id the caller may see is answered; another customer's, another site's, another carrier's (and another
 * orderer's invoice, another person's follow) is 404, exactly like an id that does not exist;</li>
 * <li>a role the operation is not for is 403, whatever the id;</li>
 * <li>no token is 401;</li>
 * <li>a signed-in browser's state-changing call without the CSRF token is refused, and with it let through.</li>
 * </ul>
 * Who may call what is {@link AccessRules}; whose each id is, {@link AccessFixtures}. The matrix runs every call once,
 * spread over a few threads, and then reports per operation.
 */
class AccessMatrixIT extends PlatformSpec {

	static final List<String> CLIENTS = List.of("rakennus-erp", "bygg-erp", "kivi-erp", "nordic-freight",
			"baltic-haulage", "support-desk", "supplier-erp");

	static final List<String> PEOPLE = List.of("anna", "liisa", "mikko", "erik", "kalle", "sara", "admin");

	/**
	 * A field no request body has: a call carrying it is refused as bad input once access is granted, and acts on
	 * nothing.
	 */
	static final String PROBE_FIELD = "accessMatrixProbe";

	static final String INVALID_BODY = "{\"" + PROBE_FIELD + "\":true}";

	private static final Pattern UUID_SHAPE = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static final String PROBLEM = "urn:leverans:problem:";

	static Map<String, Actor> actors;

	static List<Operation> operations;

	static AccessFixtures fixtures;

	static Map<Operation, List<Call>> calls;

	@BeforeAll
	static void runTheMatrix() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			actors = signIn(pool);
			Api anonymous = Api.anonymous(gateway);
			operations = ApiOperations.read(anonymous, leverans.client("supplier-erp"));
			fixtures = AccessFixtures.make(leverans, actors);
			calls = new LinkedHashMap<>();
			List<Call> planned = new ArrayList<>();
			for (Operation operation : operations) {
				List<Call> ofOperation = plan(operation);
				calls.put(operation, ofOperation);
				planned.addAll(ofOperation);
			}
			List<Future<?>> running = new ArrayList<>();
			for (Call call : planned) {
				running.add(pool.submit(call::run));
			}
			for (Future<?> call : running) {
				call.get();
			}
			Map<Expected, Long> byExpected = planned.stream()
				.collect(Collectors.groupingBy(Call::expected, () -> new EnumMap<>(Expected.class),
						Collectors.counting()));
			System.out.printf("Access matrix: %d operations, %d actors, %d calls %s%n", operations.size(),
					actors.size(), planned.size(), byExpected);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@AfterAll
	static void stopTheWebhookReceiver() {
		if (fixtures != null) {
			fixtures.close();
		}
	}

	@Test
	void everyOperationIsCheckedOrExemptWithAReason() {
		List<String> unchecked = new ArrayList<>();
		for (Operation operation : operations) {
			if (AccessRules.exemption(operation).isPresent()) {
				continue;
			}
			Set<String> roles = AccessRules.allowed(operation).orElse(Set.of());
			if (roles.isEmpty()) {
				unchecked.add(operation + ": no rule in AccessRules says who may call it");
				continue;
			}
			if (!operation.takesId()) {
				continue;
			}
			for (Id id : operation.ids()) {
				if (!fixtures.kinds().contains(id.kind()) && !(operation.unsafe() && operation.body())) {
					unchecked.add(operation + ": AccessFixtures has no " + id.kind() + " to name");
				}
			}
			for (String role : roles) {
				boolean letThrough = calls.get(operation)
					.stream()
					.anyMatch(call -> call.actor() != null && call.actor().has(role) && call.letsThrough());
				boolean roleExists = actors.values().stream().anyMatch(actor -> actor.has(role));
				if (roleExists && !letThrough) {
					unchecked.add(operation + ": no " + role + " has an id of their own to call it with");
				}
			}
		}
		assertThat(unchecked).as("operations the matrix does not check; give AccessRules a rule, "
				+ "AccessFixtures a thing of the kind, or exempt the operation with a reason").isEmpty();
		assertThat(operations).as("the services' documents list the id-taking operations")
			.anyMatch(Operation::takesId);
	}

	@Test
	void theOperationsOfEveryServiceAreRead() {
		Set<String> read = operations.stream().map(Operation::document).collect(Collectors.toSet());
		List<String> services = Stream.of(Service.values())
			.map(Service::module)
			.filter(module -> module.endsWith("-service"))
			.map(module -> "/api-docs/" + module)
			.toList();
		assertThat(read).as("the landing page links each service's OpenAPI document, and each lists operations")
			.containsAll(services);
	}

	@TestFactory
	Stream<DynamicTest> eachCallerGetsTheirOwnIdsAnsweredOthersNotFoundTheWrongRoleForbiddenAndNoTokenUnauthorized() {
		return operations.stream()
			.filter(operation -> AccessRules.exemption(operation).isEmpty())
			.map(operation -> DynamicTest.dynamicTest(operation.toString(), () -> {
				assertThat(calls.get(operation)).as("calls of " + operation + "; AccessRules has no rule for it")
					.isNotEmpty();
				List<String> wrong = calls.get(operation)
					.stream()
					.map(Call::mismatch)
					.filter(mismatch -> mismatch != null)
					.toList();
				assertThat(wrong).as("calls of " + operation + " answered otherwise than the access rules say")
					.isEmpty();
			}));
	}

	@TestFactory
	Stream<DynamicTest> aSignedInBrowsersStateChangingCallNeedsTheCsrfToken() {
		List<Actor> people = PEOPLE.stream().map(actors::get).toList();
		AtomicInteger next = new AtomicInteger();
		return operations.stream()
			.filter(Operation::unsafe)
			.map(operation -> DynamicTest.dynamicTest(operation.toString(), () -> {
				BrowserSession session = people.get(next.getAndIncrement() % people.size()).session();
				String path = operation.path(unknownIds(operation));
				String body = operation.body() ? INVALID_BODY : null;

				Api.Response forged = session.send(operation.method(), path, body, null, Map.of());
				assertThat(forged.status()).as("without the token: " + forged).isEqualTo(403);
				assertThat(type(forged)).as(forged.toString()).isEqualTo(PROBLEM + "csrf");
				Api.Response guessed = session.send(operation.method(), path, body, UUID.randomUUID().toString(),
						Map.of());
				assertThat(guessed.status()).as("with another token: " + guessed).isEqualTo(403);
				assertThat(type(guessed)).as(guessed.toString()).isEqualTo(PROBLEM + "csrf");

				Api.Response sent = session.send(operation.method(), path, body, session.csrfToken(), Map.of());
				assertThat(type(sent)).as("with the token the service answers: " + sent).isNotEqualTo(PROBLEM + "csrf");
				assertThat(sent.status()).as(sent.toString()).isBetween(200, 499);
			}));
	}

	@Test
	void signingOutIsAStateChangingCallThatNeedsTheCsrfTokenToo() {
		BrowserSession kalle = BrowserSession.signIn(gateway, "kalle", "demo");

		Api.Response forged = kalle.send("POST", "/logout", "", null, Map.of());
		assertThat(forged.status()).as(forged.toString()).isEqualTo(403);
		assertThat(kalle.get("/api/me").status()).as("still signed in").isEqualTo(200);

		kalle.send("POST", "/logout", "", kalle.csrfToken(), Map.of());
		assertThat(kalle.get("/api/me").status()).as("signed out").isEqualTo(401);
	}

	@Test
	void aCarrierNamingAnotherCarriersShipmentInAnEventIsAnsweredAsForAShipmentThatDoesNotExist() {
		Actor nordic = actors.get("nordic-freight");
		String theirs = fixtures.trackingNumberCarriedBy("baltic-haulage");
		Api.Response another = nordic.send("POST", "/api/partner/v1/shipment-events", arriving(theirs));
		Api.Response unknown = nordic.send("POST", "/api/partner/v1/shipment-events", arriving("NF0000000000"));

		assertThat(another.status()).isEqualTo(unknown.status());
		JsonNode rejected = another.json().get("rejected");
		assertThat(rejected).as(another.toString()).hasSize(1);
		assertThat(rejected.get(0).get("code").asString())
			.isEqualTo(unknown.json().get("rejected").get(0).get("code").asString());
		assertThat(rejected.get(0).get("message").asString())
			.isEqualTo(unknown.json().get("rejected").get(0).get("message").asString());
		assertThat(actors.get("baltic-haulage").send("GET", "/api/partner/v1/shipments", null).body())
			.as("the shipment did not move").doesNotContain("ARRIVING");
	}

	private static String arriving(String trackingNumber) {
		return AccessFixtures.json(Map.of("events", List.of(OrderToDeliveryIT
			.partnerEvent("access-" + UUID.randomUUID(), trackingNumber, "ARRIVING", Instant.now(), null))));
	}

	/** Every call the rules and the fixtures give for one operation. */
	private static List<Call> plan(Operation operation) {
		Set<String> roles = AccessRules.allowed(operation).orElse(null);
		if (roles == null) {
			return List.of();
		}
		List<Call> planned = new ArrayList<>();
		String safeBody = operation.body() ? "{}" : null;
		planned.add(new Call(operation, null, Expected.UNAUTHORIZED, "no token",
				() -> operation.path(anyIds(operation)), safeBody));
		List<Thing> things = operation.takesId() ? fixtures.of(operation.subject()) : List.of();
		for (Actor actor : actors.values()) {
			if (actor.roles().stream().noneMatch(roles::contains)) {
				planned.add(new Call(operation, actor, Expected.FORBIDDEN,
						"not for " + String.join(", ", actor.roles()), () -> operation.path(anyIds(operation)),
						safeBody));
				continue;
			}
			if (!operation.takesId()) {
				continue;
			}
			Expected hidden = operation.ids().getLast().inPath() ? Expected.NOT_FOUND : Expected.NOTHING;
			Thing own = null;
			for (Thing thing : things) {
				String why = thing.owner().hiddenFrom(actor);
				if (why != null) {
					planned.add(new Call(operation, actor, hidden, why + " (" + thing + ")",
							() -> operation.path(thing.ids()), safeBody));
				}
				else if (own == null) {
					own = thing;
				}
			}
			Call answered = answered(operation, actor, own);
			if (answered != null) {
				planned.add(answered);
			}
			if (!operation.unsafe()) {
				Thing base = own;
				planned.add(new Call(operation, actor, hidden, "an id that does not exist",
						() -> operation.path(unknownSubject(operation, base)), null));
			}
		}
		return planned;
	}

	/**
	 * The call that shows the actor is let through with an id of their own. It must not change what other specs
	 * share: a body is replaced by one with an unknown field, which the service refuses as bad input once access is
	 * granted; a call without a body (enabling, deleting) acts on a thing made for it alone where the fixtures can
	 * make one.
	 */
	private static Call answered(Operation operation, Actor actor, Thing own) {
		if (!operation.unsafe()) {
			return (own != null) ? new Call(operation, actor, Expected.ANSWERED, "their own (" + own + ")",
					() -> operation.path(own.ids()), null) : null;
		}
		if (operation.body()) {
			return new Call(operation, actor, Expected.REFUSED_AS_BAD_INPUT,
					"their own (" + ((own != null) ? own : "any") + "), with a field no body has",
					() -> operation.path((own != null) ? own.ids() : unknownIds(operation)), INVALID_BODY);
		}
		var maker = fixtures.maker(operation.subject());
		if (maker != null) {
			return new Call(operation, actor, Expected.ANSWERED, "a new one of their own",
					() -> operation.path(maker.apply(actor).ids()), null);
		}
		return (own != null) ? new Call(operation, actor, Expected.ANSWERED, "their own (" + own + ")",
				() -> operation.path(own.ids()), null) : null;
	}

	/** Ids of something that exists, for calls whose answer must not depend on the id. */
	private static Map<String, String> anyIds(Operation operation) {
		if (!operation.takesId()) {
			return Map.of();
		}
		List<Thing> things = fixtures.of(operation.subject());
		return things.isEmpty() ? unknownIds(operation) : things.getFirst().ids();
	}

	/** The caller's own thing with its last id swapped for one that names nothing. */
	private static Map<String, String> unknownSubject(Operation operation, Thing own) {
		Map<String, String> ids = new HashMap<>((own != null) ? own.ids() : unknownIds(operation));
		Id subject = operation.ids().getLast();
		ids.put(subject.kind(), unknown(subject));
		return ids;
	}

	private static Map<String, String> unknownIds(Operation operation) {
		Map<String, String> ids = new HashMap<>();
		operation.ids().forEach(id -> ids.put(id.kind(), unknown(id)));
		return ids;
	}

	/** An id shaped like those of its kind that names nothing. */
	private static String unknown(Id id) {
		List<Thing> known = fixtures.of(id.kind());
		String like = known.isEmpty() ? null : known.getFirst().ids().get(id.kind());
		if ((like != null) ? UUID_SHAPE.matcher(like).matches() : id.format().equals("uuid")) {
			return UUID.randomUUID().toString();
		}
		if ((like != null) ? like.chars().allMatch(Character::isDigit) : id.format().equals("integer")) {
			return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L));
		}
		return "MATRIX-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
	}

	private static Map<String, Actor> signIn(ExecutorService pool) throws Exception {
		Map<String, Future<Actor>> signingIn = new LinkedHashMap<>();
		for (String client : CLIENTS) {
			signingIn.put(client, pool.submit(() -> Actor.client(leverans.client(client), client)));
		}
		for (String person : PEOPLE) {
			signingIn.put(person,
					pool.submit(() -> Actor.person(BrowserSession.signIn(gateway, person, "demo"), person)));
		}
		Map<String, Actor> signedIn = new LinkedHashMap<>();
		for (Map.Entry<String, Future<Actor>> actor : signingIn.entrySet()) {
			signedIn.put(actor.getKey(), actor.getValue().get());
		}
		assertThat(signedIn.values().stream().flatMap(actor -> actor.roles().stream()))
			.as("the demo users and clients hold every role").containsAll(AccessRules.ROLES);
		return signedIn;
	}

	private static String type(Api.Response response) {
		try {
			return response.json().path("type").asString("");
		}
		catch (RuntimeException notJson) {
			return "";
		}
	}

	/** What the rules say a call must get. */
	enum Expected {

		/** 2xx, or 409 for an action on something in a state that does not allow it. */
		ANSWERED,

		/** 400 naming {@link #PROBE_FIELD}: access was granted and the body then refused. */
		REFUSED_AS_BAD_INPUT,

		/** 404 not-found, as for an id that does not exist. */
		NOT_FOUND,

		/** A filter by an id the caller may not see: 200 with no items, as for an id that does not exist. */
		NOTHING,

		/** 403 forbidden. */
		FORBIDDEN,

		/** 401 unauthenticated. */
		UNAUTHORIZED

	}

	/**
	 * One call of the matrix and, once run, its answer.
	 * @param actor {@code null} for a call without a token
	 */
	static final class Call {

		private final Operation operation;

		private final Actor actor;

		private final Expected expected;

		private final String why;

		private final Supplier<String> path;

		private final String body;

		private volatile String sentPath;

		private volatile Api.Response response;

		private volatile RuntimeException failure;

		Call(Operation operation, Actor actor, Expected expected, String why, Supplier<String> path,
				String body) {
			this.operation = operation;
			this.actor = actor;
			this.expected = expected;
			this.why = why;
			this.path = path;
			this.body = body;
		}

		Actor actor() {
			return this.actor;
		}

		Expected expected() {
			return this.expected;
		}

		/** Whether the call is one that access must be granted to. */
		boolean letsThrough() {
			return this.expected == Expected.ANSWERED || this.expected == Expected.REFUSED_AS_BAD_INPUT;
		}

		void run() {
			try {
				this.sentPath = this.path.get();
				this.response = (this.actor != null)
						? this.actor.send(this.operation.method(), this.sentPath, this.body)
						: Api.anonymous(gateway).send(this.operation.method(), this.sentPath, this.body, Map.of());
			}
			catch (RuntimeException ex) {
				this.failure = ex;
			}
		}

		/** What was wrong with the answer, or {@code null} when it is what the rules say. */
		String mismatch() {
			String call = ((this.actor != null) ? this.actor : "no token") + " → " + this.operation.method() + " "
					+ this.sentPath + " [" + this.why + "]: expected " + this.expected;
			if (this.failure != null) {
				return call + ", but the call failed: " + this.failure;
			}
			if (this.response == null) {
				return call + ", but it was never made";
			}
			int status = this.response.status();
			boolean right = switch (this.expected) {
				case ANSWERED -> (status >= 200 && status < 300) || status == 409;
				case REFUSED_AS_BAD_INPUT -> status == 400 && this.response.body().contains("\"" + PROBE_FIELD + "\"");
				case NOT_FOUND -> status == 404 && type(this.response).equals(PROBLEM + "not-found");
				case NOTHING -> status == 200 && this.response.json().path("items").isArray()
						&& this.response.json().path("items").isEmpty();
				case FORBIDDEN -> status == 403 && type(this.response).equals(PROBLEM + "forbidden");
				case UNAUTHORIZED -> status == 401 && type(this.response).equals(PROBLEM + "unauthenticated");
			};
			return right ? null : call + ", got " + status + " " + abbreviated(this.response.body());
		}

		private static String abbreviated(String body) {
			return (body.length() > 300) ? body.substring(0, 300) + " …" : body;
		}
	}
}
