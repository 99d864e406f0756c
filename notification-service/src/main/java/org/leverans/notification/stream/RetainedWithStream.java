package org.leverans.notification.stream;

import java.time.Instant;

/**
 * Rows made from the stream's rows (finished e-mails and webhook messages, sent alerts), forgotten with them by
 * {@link StreamRetention}; each feature knows which of its own rows are finished.
 */
public interface RetainedWithStream {

	void forgetFinishedBefore(Instant before);
}
