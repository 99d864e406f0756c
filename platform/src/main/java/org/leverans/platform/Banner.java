package org.leverans.platform;

import java.io.PrintStream;
import java.util.Map;

import org.leverans.platform.services.Service;

/** What a developer needs once the platform is up: where things are and how to sign in. */
final class Banner {

	private final Platform platform;

	Banner(Platform platform) {
		this.platform = platform;
	}

	void print(PrintStream out) {
		Map<Service, String> skipped = this.platform.skippedServices();
		boolean complete = skipped.isEmpty() && this.platform.runningServices().size() == Service.values().length;
		StringBuilder text = new StringBuilder("\n");
		text.append("  ══════════════════════════════════════════════════════════════════════\n");
		text.append("  Leverans is ").append(complete ? "ready" : "up (partly)").append(" in ")
			.append(ConsoleProgress.seconds(this.platform.startupTime())).append('\n');
		text.append("  ══════════════════════════════════════════════════════════════════════\n");
		line(text, "Gateway", this.platform.gatewayUrl() + running(Service.GATEWAY));
		line(text, "Pages", this.platform.gatewayUrl() + "/buyer/quick-order.html (anna), "
				+ "/receiver/arrivals.html (mikko),");
		line(text, "", this.platform.gatewayUrl() + "/support/search.html (sara); sign in on the way");
		line(text, "Token endpoint", this.platform.tokenEndpoint() + running(Service.AUTH_SERVER));
		line(text, "Mail (GreenMail)", this.platform.mailUrl() + "  e.g. " + this.platform.mailUrl()
				+ "/api/user/anna@rakennus.example/messages/INBOX   SMTP localhost:" + this.platform.smtpPort());
		line(text, "Credit bureau", this.platform.creditBureauUrl() + "  e.g. " + this.platform.creditBureauUrl()
				+ "/v1/companies/FI12345678/rating");
		line(text, "Kafka", this.platform.kafkaBootstrapServers());
		line(text, "PostgreSQL", this.platform.postgres().jdbcUrl("<service db>") + "  user "
				+ this.platform.postgres().username());
		text.append('\n');
		line(text, "Users", "password demo: anna (orderer, Rakennus Oy), liisa (agreement manager, Rakennus Oy),");
		line(text, "", "mikko (receiver, Jätkäsaari), erik (orderer, Bygg AB), sara (customer service), admin");
		line(text, "Clients", "secret demo-secret: rakennus-erp, bygg-erp, nordic-freight, baltic-haulage,");
		line(text, "", "support-desk, supplier-erp");
		line(text, "Try", "curl -s -u rakennus-erp:demo-secret -d grant_type=client_credentials "
				+ this.platform.tokenEndpoint());
		line(text, "Logs", this.platform.settings().logs() + "/<component>.log");
		if (!skipped.isEmpty()) {
			text.append('\n');
			skipped.forEach((service, reason) -> line(text, "Not started", service.module() + ": " + reason));
		}
		text.append('\n');
		text.append("  Ctrl-C or ./leverans down stops everything.\n");
		out.print(text);
		out.flush();
	}

	private String running(Service service) {
		return this.platform.runningServices().contains(service) ? "" : "  (not running)";
	}

	private static void line(StringBuilder text, String label, String value) {
		text.append(String.format("  %-17s %s%n", label, value));
	}
}
