package cn.zhengji.media;

import java.io.Serializable;

/**
 * One checked rule.
 *
 * @param rule stable code of the rule (e.g. {@code duration.max}, {@code resolution},
 * {@code format})
 * @param message Chinese text naming the rule and the measured value, e.g. "时长
 * 6分12秒，超过本项目上限 6分钟"
 */
public record Finding(String rule, Verdict verdict, String message) implements Serializable {
}
