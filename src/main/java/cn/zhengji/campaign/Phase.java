package cn.zhengji.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A dated phase of a campaign. Dates are calendar days in the campaign's time zone: a
 * phase opens at the start of {@code startsOn} and closes at the end of {@code endsOn}
 * (R-CAM-2: "8月30日前" means up to 23:59:59 on the 30th in Beijing time); a phase without
 * {@code endsOn} never closes.
 */
public record Phase(long id, PhaseKind kind, String name, String description, LocalDate startsOn, LocalDate endsOn,
		int sortOrder, boolean changedByAdmin, int version) {

	public Instant opensAt(ZoneId zone) {
		return startsOn.atStartOfDay(zone).toInstant();
	}

	/** The first instant after the phase, if it ends. */
	public Optional<Instant> closesAt(ZoneId zone) {
		return Optional.ofNullable(endsOn).map(day -> day.plusDays(1).atStartOfDay(zone).toInstant());
	}

	public boolean isOpenAt(Instant at, ZoneId zone) {
		return !at.isBefore(opensAt(zone)) && closesAt(zone).map(at::isBefore).orElse(true);
	}

	public boolean isOverAt(Instant at, ZoneId zone) {
		return closesAt(zone).map(close -> !at.isBefore(close)).orElse(false);
	}
}
