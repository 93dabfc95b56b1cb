package cn.zhengji.activity;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EventDetailsTest {

	static final LocalDate TODAY = LocalDate.parse("2024-09-30");

	@Test
	void trimsTextsDropsABlankEnterpriseAndStoresLineBreaksAsLf() {
		EventDetails details = EventDetails
			.from(new EventInput(" 2024-06-18 ", "  福州市工人文化宫 ", "   ", " 0 ", "第一行\r\n第二行"), 2024, TODAY);

		assertThat(details).isEqualTo(new EventDetails(LocalDate.parse("2024-06-18"), "福州市工人文化宫", null, 0, "第一行\n第二行"));
	}

	@Test
	void acceptsTodayAndTheFirstDayOfTheCampaignYearAndTheLongestTexts() {
		assertThat(EventDetails
			.from(new EventInput("2024-09-30", "地".repeat(200), "企".repeat(200), "1000000", "字".repeat(2000)), 2024,
					TODAY)
			.participants()).isEqualTo(1_000_000);
		assertThat(EventDetails.from(new EventInput("2024-01-01", "地", null, "1", "字"), 2024, TODAY).heldOn())
			.isEqualTo(LocalDate.parse("2024-01-01"));
	}

	@Test
	void refusesEveryMissingField() {
		ActivityRejected rejected = catchThrowableOfType(ActivityRejected.class,
				() -> EventDetails.from(new EventInput(null, null, null, null, " "), 2024, TODAY));

		assertThat(rejected.problems()).extracting(ActivityRejected::messageCode)
			.containsExactly("activity.event.heldOn.required", "activity.event.place.required",
					"activity.event.participants.required", "activity.event.description.required");
	}

	@Test
	void refusesTheDayAfterTodayAndTheDayBeforeTheCampaignYear() {
		assertThat(catchThrowableOfType(ActivityRejected.class,
				() -> EventDetails.from(new EventInput("2024-10-01", "地", null, "1", "字"), 2024, TODAY))
			.arguments()).containsExactly("2024-09-30");
		assertThat(catchThrowableOfType(ActivityRejected.class,
				() -> EventDetails.from(new EventInput("2023-12-31", "地", null, "1", "字"), 2024, TODAY))
			.messageCode()).isEqualTo("activity.event.heldOn.beforeCampaign");
	}

	@Test
	void countsAnEmojiAsOneCharacterAsPostgresDoes() {
		String place = "😀".repeat(200);
		assertThat(EventDetails.from(new EventInput("2024-06-18", place, null, "1", "字"), 2024, TODAY).place())
			.isEqualTo(place);
		assertThat(catchThrowableOfType(ActivityRejected.class,
				() -> EventDetails.from(new EventInput("2024-06-18", place + "地", null, "1", "字"), 2024, TODAY))
			.arguments()).containsExactly("200", "201");
	}

	@Test
	void refusesParticipantsOutOfRangeOrNotANumber() {
		for (String participants : new String[] { "-1", "1000001", "1.5", "十", "99999999999" }) {
			assertThat(catchThrowableOfType(ActivityRejected.class,
					() -> EventDetails.from(new EventInput("2024-06-18", "地", null, participants, "字"), 2024, TODAY))
				.field()).as(participants).isEqualTo("participants");
		}
	}

}
