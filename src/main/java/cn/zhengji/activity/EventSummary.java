package cn.zhengji.activity;

import java.time.LocalDate;

/** A row of an event list. */
public record EventSummary(long id, LocalDate heldOn, String organisationName, String place, String enterprise,
		int participants, String description, int photos, String reporterName) {
}
