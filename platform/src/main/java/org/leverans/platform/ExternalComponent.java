package org.leverans.platform;

import org.leverans.platform.process.Component;

/** Kafka or PostgreSQL given by the environment: used, never started or stopped by the platform. */
record ExternalComponent(String name, String address) implements Component {

	@Override
	public void stop() {
	}
}
