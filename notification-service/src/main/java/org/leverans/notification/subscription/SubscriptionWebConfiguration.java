package org.leverans.notification.subscription;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class SubscriptionWebConfiguration implements WebMvcConfigurer {

	private final SubscriberRefresh refresh;

	SubscriptionWebConfiguration(SubscriberRefresh refresh) {
		this.refresh = refresh;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.refresh).addPathPatterns("/api/**");
	}
}
