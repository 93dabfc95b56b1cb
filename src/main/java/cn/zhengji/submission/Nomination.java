package cn.zhengji.submission;

import java.time.YearMonth;

/**
 * R-NOM-1 The nomination form (附件4) of a good-netizen entry as shown to everyone: the
 * mobile and the ID number only masked ({@code 138****1234}, {@code 350102********1234}).
 * The full values are read through {@link NominationForms#revealPersonalData}, which is
 * audited.
 *
 * @param sex {@code MALE} or {@code FEMALE}
 */
public record Nomination(String name, String sex, YearMonth birthMonth, String politicalStatus, String accountName,
		String platform, String followers, String unitAndPosition, String mobileMasked, String idNumberMasked,
		String profile, String reasons, String workUnitOpinion, String recommendingUnitOpinion,
		String provinceOpinion) {

	public static Nomination empty() {
		return new Nomination(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
	}

	/** Labels (messages) of the fields of 附件4 still empty, in the order of the form. */
	public java.util.List<String> missingFields() {
		java.util.List<String> missing = new java.util.ArrayList<>();
		check(missing, name, "name");
		check(missing, sex, "sex");
		check(missing, birthMonth, "birthMonth");
		check(missing, politicalStatus, "politicalStatus");
		check(missing, accountName, "accountName");
		check(missing, platform, "platform");
		check(missing, followers, "followers");
		check(missing, unitAndPosition, "unitAndPosition");
		check(missing, mobileMasked, "mobile");
		check(missing, idNumberMasked, "idNumber");
		check(missing, profile, "profile");
		check(missing, reasons, "reasons");
		return missing;
	}

	private static void check(java.util.List<String> missing, Object value, String field) {
		if (value == null || value instanceof String text && text.isBlank()) {
			missing.add(field);
		}
	}

	/** The full mobile and ID number, for those allowed to see them. */
	public record PersonalData(String mobile, String idNumber) {
	}
}
