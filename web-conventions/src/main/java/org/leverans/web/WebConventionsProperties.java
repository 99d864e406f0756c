package org.leverans.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code leverans.web.*}: what differs between services in how they answer HTTP.
 *
 * @param retryAfter what a {@code 503} tells clients to wait when the database is away
 * @param api the OpenAPI document's title and description
 */
@ConfigurationProperties("leverans.web")
public record WebConventionsProperties(@DefaultValue("5s") Duration retryAfter, @DefaultValue Api api) {

	/**
	 * @param title e.g. {@code Leverans order-service}; defaults to the application name
	 */
	public record Api(String title, String description, @DefaultValue("v1") String version) {
	}
}
