package org.leverans.auth.users;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Form login against {@code user_account}. Returns Spring Security's own {@link User} on purpose: the signed-in
 * principal ends up serialized in the JDBC authorization store, which only reads back types it knows.
 */
@Service
public class UserAccountDetailsService implements UserDetailsService {

	private final UserAccounts accounts;

	public UserAccountDetailsService(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		UserAccount account = this.accounts.findByUsername(username)
			.orElseThrow(() -> new UsernameNotFoundException("No user " + username));
		return User.withUsername(account.username())
			.password(account.passwordHash())
			.roles(account.roles().toArray(String[]::new))
			.disabled(!account.enabled())
			.build();
	}
}
