package org.leverans.auth.clients;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Spring Authorization Server never deletes authorizations, and every client-credentials token adds one. Removes
 * those whose last token expired a day ago. Safe to run on every instance at once.
 */
@Component
class ExpiredAuthorizationCleanup {

	private static final Logger log = LoggerFactory.getLogger(ExpiredAuthorizationCleanup.class);

	private final JdbcTemplate jdbc;

	ExpiredAuthorizationCleanup(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
	void removeExpired() {
		int removed = this.jdbc.update("""
				DELETE FROM oauth2_authorization
				WHERE greatest(authorization_code_expires_at, access_token_expires_at, oidc_id_token_expires_at,
				               refresh_token_expires_at, user_code_expires_at, device_code_expires_at)
				      < now() - interval '1 day'""");
		if (removed > 0) {
			log.info("Removed {} expired authorizations", removed);
		}
	}
}
