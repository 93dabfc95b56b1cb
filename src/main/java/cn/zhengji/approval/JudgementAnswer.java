package cn.zhengji.approval;

import cn.zhengji.campaign.CategoryRules.JudgementKind;

/** The first level's answer to one judgement item of the category (R-SUB-3). */
public record JudgementAnswer(JudgementKind kind, boolean met, String note) {
}
