package org.leverans.platform.services;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.leverans.platform.process.ChildProcess;
import org.leverans.platform.process.Component;
import org.leverans.platform.process.HttpProbe;
import org.leverans.platform.process.JavaCommand;

/** One Leverans service in its own JVM, healthy when its actuator says UP. */
public final class ServiceProcess implements Component {

	/* Seven Spring Boot JVMs start together on a small machine: small heaps, and C1 only for a fast start. */
	static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
			"-XX:+UseSerialGC");

	private final Service service;

	private final ChildProcess process;

	private final String url;

	private final String name;

	private ServiceProcess(Service service, String name, ChildProcess process, String url) {
		this.service = service;
		this.name = name;
		this.process = process;
		this.url = url;
	}

	public static ServiceProcess start(Path home, ServiceJar jar, Map<String, String> environment, String url,
			Path logFile) {
		return start(home, jar, jar.service().module(), environment, url, logFile);
	}

	/** @param name the instance's name, e.g. {@code order-service-2} for a second instance */
	public static ServiceProcess start(Path home, ServiceJar jar, String name, Map<String, String> environment,
			String url, Path logFile) {
		List<String> command = JavaCommand.jar(home, JVM_OPTIONS, jar.path(), List.of());
		Path workingDirectory = jar.path().getParent();
		ChildProcess process = ChildProcess.start(name, command, environment, workingDirectory, logFile);
		return new ServiceProcess(jar.service(), name, process, url);
	}

	public Service service() {
		return this.service;
	}

	public ChildProcess childProcess() {
		return this.process;
	}

	public String url() {
		return this.url;
	}

	public boolean healthy() throws IOException, InterruptedException {
		return HttpProbe.isUp(this.url + "/actuator/health");
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public String address() {
		return this.url;
	}

	@Override
	public Optional<String> healthUrl() {
		return Optional.of(this.url + "/actuator/health");
	}

	@Override
	public Optional<ChildProcess> child() {
		return Optional.of(this.process);
	}

	@Override
	public void stop() {
		this.process.stop(Duration.ofSeconds(20));
	}
}
