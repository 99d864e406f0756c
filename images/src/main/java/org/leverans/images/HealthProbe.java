package org.leverans.images;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The images' health check: they are built from scratch, with no shell, curl or wget, so docker-compose asks the
 * image's own Java runtime to run this class ({@code java -cp /opt/leverans/probe org.leverans.images.HealthProbe
 * http://localhost:8081/actuator/health/readiness}). Exit status 0 when the address answers 2xx, 1 otherwise, as a
 * container health check wants. Plain JDK only: the runtime script compiles this one file into every image.
 */
public final class HealthProbe {

	private static final Duration TIMEOUT = Duration.ofSeconds(3);

	private HealthProbe() {
	}

	public static void main(String[] args) {
		if (args.length != 1) {
			System.err.println("usage: HealthProbe <url>");
			System.exit(2);
		}
		System.exit(healthy(URI.create(args[0])) ? 0 : 1);
	}

	static boolean healthy(URI address) {
		try (HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
			HttpResponse<String> response = client.send(HttpRequest.newBuilder(address).timeout(TIMEOUT).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 == 2) {
				return true;
			}
			System.err.println(address + " answered " + response.statusCode() + ": " + response.body());
			return false;
		}
		catch (java.io.IOException ex) {
			System.err.println(address + ": " + ex);
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}
}
