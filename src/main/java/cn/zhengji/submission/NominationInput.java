package cn.zhengji.submission;

/**
 * R-NOM-1 What a nominator types into the form of 附件4. Blank mobile or ID number keep the
 * stored values (the form shows them masked and never sends them back).
 *
 * @param birthMonth {@code yyyy-MM}, as the month input sends it
 */
public record NominationInput(String name, String sex, String birthMonth, String politicalStatus, String accountName,
		String platform, String followers, String unitAndPosition, String mobile, String idNumber, String profile,
		String reasons) {
}
