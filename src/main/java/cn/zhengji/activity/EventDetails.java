package cn.zhengji.activity;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import cn.zhengji.infrastructure.text.ReadableText;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.infrastructure.text.CharacterCount;

/**
 * R-ACT-2 What is reported about one offline event, checked: held on a day of the
 * campaign's year or later and not in the future, a place, an optional enterprise, a
 * participant count and a description. The limits agree with the CHECK constraints of
 * {@code offline_event} (V70).
 */
public record EventDetails(LocalDate heldOn, String place, String enterprise, int participants, String description) {

	public static final int MAX_PLACE = 200;

	public static final int MAX_ENTERPRISE = 200;

	public static final int MAX_DESCRIPTION = 2000;

	public static final int MAX_PARTICIPANTS = 1_000_000;

	/**
	 * Checks the input of a form against the rules of the campaign's year.
	 * @param campaignYear events before 1 January of this year do not belong to the
	 * campaign
	 * @param today the current day in the campaign's time zone; later days have not
	 * happened yet
	 * @throws ActivityRejected with every problem found
	 */
	public static EventDetails from(EventInput input, int campaignYear, LocalDate today) {
		return from(input, campaignYear, today, null);
	}

	/**
	 * Checks the input of a form against the rules of the campaign: besides those of its
	 * year, the day must lie within the campaign's dates (issue 11 item 8: an event held
	 * outside them does not count for it).
	 */
	public static EventDetails from(EventInput input, Campaign campaign, LocalDate today) {
		return from(input, campaign.year(), today, campaign);
	}

	private static EventDetails from(EventInput input, int campaignYear, LocalDate today, Campaign campaign) {
		List<ActivityRejected> problems = new ArrayList<>();
		LocalDate heldOn = heldOn(input.heldOn(), campaignYear, today, problems);
		if (heldOn != null && campaign != null && !heldOn.isAfter(today) && heldOn.getYear() >= campaignYear
				&& !campaign.runsOn(heldOn)) {
			problems.add(outsideCampaign(campaign));
		}
		String place = text(input.place());
		if (place == null) {
			problems.add(new ActivityRejected("place", "activity.event.place.required"));
		}
		else if (length(place) > MAX_PLACE) {
			problems.add(new ActivityRejected("place", "activity.event.place.tooLong", String.valueOf(MAX_PLACE),
					String.valueOf(length(place))));
		}
		String enterprise = text(input.enterprise());
		if (enterprise != null && length(enterprise) > MAX_ENTERPRISE) {
			problems.add(new ActivityRejected("enterprise", "activity.event.enterprise.tooLong",
					String.valueOf(MAX_ENTERPRISE), String.valueOf(length(enterprise))));
		}
		// Issue 11 item 10: the platform's one rule for the characters of a name.
		ReadableText.problem(place)
			.ifPresent(problem -> problems.add(new ActivityRejected("place", problem.messageKey())));
		ReadableText.problem(enterprise)
			.ifPresent(problem -> problems.add(new ActivityRejected("enterprise", problem.messageKey())));
		Integer participants = participants(input.participants(), problems);
		// Browsers send line breaks as CR LF; stored as LF, the length is what the person
		// sees.
		String description = text(input.description() == null ? null : input.description().replace("\r\n", "\n"));
		if (description == null) {
			problems.add(new ActivityRejected("description", "activity.event.description.required"));
		}
		else if (length(description) > MAX_DESCRIPTION) {
			problems.add(new ActivityRejected("description", "activity.event.description.tooLong",
					String.valueOf(MAX_DESCRIPTION), String.valueOf(length(description))));
		}
		if (!problems.isEmpty()) {
			throw ActivityRejected.all(problems);
		}
		return new EventDetails(heldOn, place, enterprise, participants, description);
	}

	/** The details as a form shows them again. */
	public EventInput toInput() {
		return new EventInput(heldOn.toString(), place, enterprise, String.valueOf(participants), description);
	}

	private static LocalDate heldOn(String text, int campaignYear, LocalDate today, List<ActivityRejected> problems) {
		String value = text(text);
		if (value == null) {
			problems.add(new ActivityRejected("heldOn", "activity.event.heldOn.required"));
			return null;
		}
		LocalDate date;
		try {
			date = LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			problems.add(new ActivityRejected("heldOn", "activity.event.heldOn.invalid"));
			return null;
		}
		if (date.isAfter(today)) {
			problems.add(new ActivityRejected("heldOn", "activity.event.heldOn.future", today.toString()));
		}
		else if (date.getYear() < campaignYear) {
			problems.add(new ActivityRejected("heldOn", "activity.event.heldOn.beforeCampaign",
					String.valueOf(campaignYear)));
		}
		return date;
	}

	private static ActivityRejected outsideCampaign(Campaign campaign) {
		String first = campaign.firstDay().map(LocalDate::toString).orElse("");
		return campaign.lastDay()
			.map(last -> new ActivityRejected("heldOn", "activity.event.heldOn.outsideCampaign", first,
					last.toString()))
			.orElseGet(() -> new ActivityRejected("heldOn", "activity.event.heldOn.beforeCampaignStart", first));
	}

	private static Integer participants(String text, List<ActivityRejected> problems) {
		String value = text(text);
		if (value == null) {
			problems.add(new ActivityRejected("participants", "activity.event.participants.required"));
			return null;
		}
		if (!value.matches("-?\\d{1,9}")) {
			problems.add(new ActivityRejected("participants", "activity.event.participants.invalid"));
			return null;
		}
		int count = Integer.parseInt(value);
		if (count < 0 || count > MAX_PARTICIPANTS) {
			problems.add(new ActivityRejected("participants", "activity.event.participants.range",
					String.valueOf(MAX_PARTICIPANTS)));
			return null;
		}
		return count;
	}

	private static String text(String value) {
		if (value == null) {
			return null;
		}
		String trimmed = value.strip();
		return trimmed.isEmpty() ? null : trimmed;
	}

	/** Characters as every limit counts them; the CHECKs count the same way (V86). */
	private static int length(String value) {
		return CharacterCount.of(value);
	}
}
