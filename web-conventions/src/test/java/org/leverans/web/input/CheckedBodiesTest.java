package org.leverans.web.input;

import java.util.Map;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotNull;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leverans.web.problem.ApiProblem;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CheckedBodiesTest {

	private final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();

	private final CheckedBodies bodies = new CheckedBodies(
			new StaticListableBeanFactory(Map.of("validator", this.factory.getValidator())).getBeanProvider(Validator.class));

	@AfterEach
	void close() {
		this.factory.close();
	}

	@Test
	void passesAValidBodyThrough() {
		Rating rating = new Rating(true);

		assertThat(this.bodies.check(rating)).isSameAs(rating);
	}

	@Test
	void refusesAMissingBodyAsAProblemNamingTheBody() {
		assertThatExceptionOfType(ApiProblem.class).isThrownBy(() -> this.bodies.check(null))
			.satisfies(problem -> assertThat(problem.getStatusCode().value()).isEqualTo(400));
	}

	@Test
	void refusesABrokenBodyWithItsViolationsAsValidDoes() {
		assertThatExceptionOfType(ConstraintViolationException.class).isThrownBy(() -> this.bodies.check(new Rating(null)))
			.satisfies(ex -> assertThat(ex.getConstraintViolations()).singleElement()
				.satisfies(violation -> assertThat(violation.getPropertyPath()).hasToString("onTime")));
	}

	record Rating(@NotNull Boolean onTime) {
	}
}
