package cn.zhengji.nomination;

import java.time.YearMonth;

/**
 * R-NOM-1 The filled form of 附件4 (八闽职工好网民推荐表), as printed. The caller decides whether the
 * ID number and the mobile are shown in full or masked, and passes them already in that
 * form.
 *
 * @param photo the 一寸彩照 as JPEG or PNG bytes, null if none
 * @param followers 粉丝数量 as written by the nominator (e.g. "3.2万")
 * @param workUnitOpinion 工作单位意见, null while not given
 * @param recommendingUnitOpinion 推荐单位意见, null while not given
 * @param provinceOpinion 省总工会意见, null while not given
 */
public record NominationSheet(String campaignTitle, String name, String sex, byte[] photo, YearMonth birthMonth,
		String politicalStatus, String accountName, String platform, String followers, String unitAndPosition,
		String mobile, String idNumber, String recommendingUnit, String profile, String reasons, String workUnitOpinion,
		String recommendingUnitOpinion, String provinceOpinion) {
}
