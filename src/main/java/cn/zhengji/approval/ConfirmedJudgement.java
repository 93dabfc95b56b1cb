package cn.zhengji.approval;

import java.time.Instant;

import cn.zhengji.campaign.CategoryRules.JudgementKind;

/**
 * R-SUB-3 What the first level confirmed about one judgement item, as the later levels
 * read it.
 */
public record ConfirmedJudgement(JudgementKind kind, boolean met, String note, String confirmedBy,
		Instant confirmedAt) {
}
