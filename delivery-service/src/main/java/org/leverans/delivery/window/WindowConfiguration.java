package org.leverans.delivery.window;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WindowConfiguration {

	@Bean
	DeliveryWindowPolicy deliveryWindowPolicy(WindowProperties properties) {
		return new DeliveryWindowPolicy(properties);
	}
}
