package org.leverans.gateway.routing;

import java.net.URI;
import java.util.List;

import reactor.core.publisher.Flux;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.stereotype.Component;

/**
 * The services' instances as configured ({@link ServiceUris}), for the load balancer behind the {@code lb://} routes:
 * a service that runs as several instances gets its requests spread over them, round robin. No registry is needed:
 * the platform launcher, docker-compose or a Kubernetes Service name them.
 */
@Component
class ServiceInstances implements ReactiveDiscoveryClient {

	private final ServiceUris uris;

	ServiceInstances(ServiceUris uris) {
		this.uris = uris;
	}

	@Override
	public String description() {
		return "Leverans services from leverans.services.*-uri";
	}

	@Override
	public Flux<ServiceInstance> getInstances(String serviceId) {
		List<URI> instances = this.uris.byService().getOrDefault(serviceId, List.of());
		return Flux.range(0, instances.size()).map(i -> instance(serviceId, i, instances.get(i)));
	}

	@Override
	public Flux<String> getServices() {
		return Flux.fromIterable(this.uris.byService().keySet());
	}

	private static ServiceInstance instance(String serviceId, int index, URI uri) {
		boolean secure = "https".equals(uri.getScheme());
		int port = (uri.getPort() != -1) ? uri.getPort() : (secure ? 443 : 80);
		return new DefaultServiceInstance(serviceId + "-" + index, serviceId, uri.getHost(), port, secure);
	}
}
