package org.leverans.gateway.session;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * A blocking {@link SessionRepository} (JDBC) as WebFlux needs it: every call that reaches the database runs on
 * Reactor's bounded elastic threads, never on an event-loop thread, which must not wait.
 *
 * @param <S> the repository's sessions
 */
final class OffEventLoopSessions<S extends Session> implements ReactiveSessionRepository<S> {

	private final SessionRepository<S> sessions;

	private final Scheduler blocking;

	OffEventLoopSessions(SessionRepository<S> sessions) {
		this.sessions = sessions;
		this.blocking = Schedulers.boundedElastic();
	}

	/** A new session is only an object until it is saved; no database call. */
	@Override
	public Mono<S> createSession() {
		return Mono.fromSupplier(this.sessions::createSession);
	}

	@Override
	public Mono<Void> save(S session) {
		return Mono.fromRunnable(() -> this.sessions.save(session)).subscribeOn(this.blocking).then();
	}

	@Override
	public Mono<S> findById(String id) {
		return Mono.fromCallable(() -> this.sessions.findById(id)).subscribeOn(this.blocking);
	}

	@Override
	public Mono<Void> deleteById(String id) {
		return Mono.fromRunnable(() -> this.sessions.deleteById(id)).subscribeOn(this.blocking).then();
	}

}
