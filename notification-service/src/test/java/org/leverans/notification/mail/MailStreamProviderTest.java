package org.leverans.notification.mail;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailStreamProviderTest {

	@Test
	void jakartaMailIsToldWhichStreamProviderToLoadSoItDoesNotScanTheClassPathForEachPart() throws Exception {
		Class.forName(MailDispatcher.class.getName());

		Class<?> named = Class.forName(System.getProperty(MailDispatcher.STREAM_PROVIDER));
		assertThat(StreamProvider.class).isAssignableFrom(named);
		assertThat(StreamProvider.provider()).isInstanceOf(named);
	}

}
