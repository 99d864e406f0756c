package org.leverans.gateway.routing;

import java.util.Optional;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.web.server.ServerWebExchange;

/** The service a request was routed to, named after its route: order-service, notification-service-stream, ... */
public final class TargetService {

	private static final String SUFFIX = "-service";

	private TargetService() {
	}

	/** Empty until the gateway has picked a route (and for requests no route takes). */
	public static Optional<String> of(ServerWebExchange exchange) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		return Optional.ofNullable(route).map((target) -> of(target.getId()));
	}

	static String of(String routeId) {
		int end = routeId.indexOf(SUFFIX);
		return (end < 0) ? routeId : routeId.substring(0, end + SUFFIX.length());
	}

}
