package org.leverans.e2e;

import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.leverans.platform.Platform;
import org.leverans.platform.services.Service;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser sessions live in the gateway's database, not in one gateway's memory: a person signed in through one
 * gateway instance is signed in on another, and stays signed in when the gateway restarts. On {@code localhost}
 * cookies ignore ports, so the browser sends its session cookie to both gateways, as it would to one address in
 * front of several instances.
 */
class GatewayInstancesPagesIT extends PagesSpec {

	private static final By SIGNED_IN_AS = By.cssSelector("header.site .who-name");

	@Test
	void twoGatewaysShareASignedInSessionThatOutlivesARestart() {
		Platform platform = leverans.platform();
		String secondName = platform.addInstance(Service.GATEWAY);
		try {
			URI second = URI.create(platform.serviceUrl(Service.GATEWAY, 1));
			Browser anna = this.browsers.desktop(gateway).signIn("/buyer/orders.html", "anna");
			String session = anna.driver().manage().getCookieNamed("LEVERANS_SESSION").getValue();

			anna.driver().get(second.resolve("/buyer/orders.html").toString());
			assertThat(anna.waitForText(SIGNED_IN_AS, "Anna Virtanen").getText()).isEqualTo("Anna Virtanen");
			assertThat(anna.driver().getCurrentUrl()).as("the page on the second gateway, not a sign-in")
				.startsWith(second.toString());
			assertThat(onSession(second, "/api/me", session).body()).contains("\"username\":\"anna\"");
			assertThat(onSession(second, "/api/orders", session).status())
				.as("a service called with the session's token, relayed by the second gateway")
				.isEqualTo(200);

			platform.kill("gateway");
			platform.restart("gateway");

			assertThat(onSession(gateway, "/api/me", session).body()).contains("\"username\":\"anna\"");
			anna.go("/buyer/orders.html");
			assertThat(anna.waitForText(SIGNED_IN_AS, "Anna Virtanen").getText()).isEqualTo("Anna Virtanen");
			assertThat(anna.driver().getCurrentUrl()).as("the page on the restarted gateway, not a sign-in")
				.startsWith(gateway.toString());
		}
		finally {
			if (platform.down().contains("gateway")) {
				platform.restart("gateway");
			}
			platform.removeInstance(secondName);
		}
	}

	/** A call with nothing but the browser's session cookie, as a page's script makes it. */
	private static Api.Response onSession(URI gateway, String path, String session) {
		return Api.send(HttpRequest.newBuilder(gateway.resolve(path))
			.header("Accept", "application/json")
			.header("Cookie", "LEVERANS_SESSION=" + session)
			.GET()
			.build());
	}

}
