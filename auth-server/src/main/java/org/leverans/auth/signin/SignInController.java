package org.leverans.auth.signin;

import java.security.Principal;

import org.leverans.auth.users.UserAccount;
import org.leverans.auth.users.UserAccounts;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page, and a landing page for someone who signed in without coming from an application. */
@Controller
class SignInController {

	private final UserAccounts users;

	SignInController(UserAccounts users) {
		this.users = users;
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

	@GetMapping("/")
	String signedIn(Principal principal, Model model) {
		model.addAttribute("displayName",
				this.users.findByUsername(principal.getName()).map(UserAccount::displayName).orElse(principal.getName()));
		return "signed-in";
	}
}
