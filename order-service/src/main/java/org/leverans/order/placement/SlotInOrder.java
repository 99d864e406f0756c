package org.leverans.order.placement;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A delivery slot must end after it starts; the violation is reported on {@code to}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SlotInOrder.Check.class)
public @interface SlotInOrder {

	String message() default "must be later than from";

	/** The error code clients see for it. */
	String code() default "SLOT_NOT_IN_ORDER";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Check implements ConstraintValidator<SlotInOrder, PlaceOrderRequest.Slot> {

		@Override
		public boolean isValid(PlaceOrderRequest.Slot slot, ConstraintValidatorContext context) {
			if (slot == null || slot.from() == null || slot.to() == null || slot.from().isBefore(slot.to())) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
				.addPropertyNode("to")
				.addConstraintViolation();
			return false;
		}
	}
}
