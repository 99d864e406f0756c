package org.leverans.agreement.agreements;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Working days are Monday to Friday; public holidays are not modelled yet. */
public final class WorkingDays {

	private WorkingDays() {
	}

	/** The date {@code days} working days after {@code from}; Saturday and Sunday are skipped, not counted. */
	public static LocalDate add(LocalDate from, int days) {
		if (days < 0) {
			throw new IllegalArgumentException("days must not be negative: " + days);
		}
		LocalDate date = from;
		int left = days;
		while (left > 0) {
			date = date.plusDays(1);
			if (isWorkingDay(date)) {
				left--;
			}
		}
		return date;
	}

	public static boolean isWorkingDay(LocalDate date) {
		return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
	}
}
