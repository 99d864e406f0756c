package org.leverans.contracts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the CloudEvents {@code type} of an event payload and the one topic it is written to.
 * A change that is not backwards compatible gets a new type version (…v2) and a new record.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventContract {

	/** The CloudEvents type, e.g. {@code leverans.order.placed.v1}. */
	String type();

	/** The topic the event is written to; see {@link Topics}. */
	String topic();
}
