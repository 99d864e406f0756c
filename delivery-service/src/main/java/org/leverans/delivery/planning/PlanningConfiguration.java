package org.leverans.delivery.planning;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlanningConfiguration {

	@Bean
	ShipmentPlanner shipmentPlanner(PlanningProperties properties) {
		return new ShipmentPlanner(properties);
	}
}
