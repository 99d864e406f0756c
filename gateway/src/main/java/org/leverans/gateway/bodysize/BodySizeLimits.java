package org.leverans.gateway.bodysize;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.server.PathContainer;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * How large a request body the gateway passes on. The services bound every field, but nothing bounded a body as a
 * whole: a client could stream hundreds of megabytes into a service's memory before its JSON was even read.
 *
 * @param maxSize the bound of every API request's body
 * @param maxSizeByPath a larger (or smaller) bound for the paths named here (patterns as in routes, such as
 * {@code /api/admin/billing/payments/camt054}), for uploads of files
 */
@Validated
@ConfigurationProperties("leverans.request-body")
public record BodySizeLimits(@DefaultValue("1MB") @NotNull DataSize maxSize, Map<String, DataSize> maxSizeByPath) {

	public BodySizeLimits {
		maxSizeByPath = (maxSizeByPath != null) ? new LinkedHashMap<>(maxSizeByPath) : Map.of();
	}

	/** The bound at this path: the first pattern that matches, else {@link #maxSize}. */
	long maxBytesAt(String path) {
		PathContainer container = PathContainer.parsePath(path);
		for (Map.Entry<String, DataSize> bound : this.maxSizeByPath.entrySet()) {
			PathPattern pattern = PathPatternParser.defaultInstance.parse(bound.getKey());
			if (pattern.matches(container)) {
				return bound.getValue().toBytes();
			}
		}
		return this.maxSize.toBytes();
	}

}
