package org.leverans.delivery;

import org.leverans.testsupport.time.MovableClock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The services' clock in tests: real time that a test moves forward. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

	@Bean
	@Primary
	MovableClock testClock() {
		return MovableClock.runningNow();
	}
}
